// How scatter and scatter_add combine the value already at a position with the incoming
// one. Each rule is a type, so the scatter loop is specialised for it (no closure calls).

/// How a scatter combines the value in place with the incoming one, on raw element bits.
protocol ScatterCombine: SendableMetatype {
    associatedtype Element: BitwiseCopyable
    /// The new value at a scattered position.
    static func combine(_ old: Element, _ new: Element) -> Element
}
/// scatter: the incoming value replaces the old one.
enum ScatterReplace<Element: BitwiseCopyable>: ScatterCombine {
    static func combine(_ old: Element, _ new: Element) -> Element { new }
}
/// scatter_add on integers: wrapping addition.
enum ScatterWrappingAdd<Element: FixedWidthInteger & BitwiseCopyable>: ScatterCombine {
    static func combine(_ old: Element, _ new: Element) -> Element { old &+ new }
}
/// scatter_add on floats, rounding to the element type after each addition.
enum ScatterFloatAdd<Element: BinaryFloatingPoint & BitwiseCopyable>: ScatterCombine {
    static func combine(_ old: Element, _ new: Element) -> Element { old + new }
}
/// scatter_add on bfloat16 bits: add in float32, round back.
enum ScatterBFloat16Add: ScatterCombine {
    static func combine(_ old: UInt16, _ new: UInt16) -> UInt16 {
        BFloat16(BFloat16(bitPattern: old).floatValue + BFloat16(bitPattern: new).floatValue).bitPattern
    }
}
/// scatter_add on bool: `or`.
enum ScatterOr: ScatterCombine {
    static func combine(_ old: Bool, _ new: Bool) -> Bool { old || new }
}
