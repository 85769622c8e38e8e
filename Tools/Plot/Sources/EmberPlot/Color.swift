import EmberImage

/// A colour with straight alpha, channels in 0...1, written the ways matplotlib accepts:
/// a name (`"purple"`, `"tab:blue"`), a one-letter code (`"g"`), a cycle entry (`"C1"`),
/// or hex (`"#800080"`, `"#80008080"`).
///
/// ```swift
/// ax.scatter(x, y, color: "purple")
/// ax.plot(x, y, color: Color(red: 0, green: 0.5, blue: 0), lineWidth: 3)
/// ```
public struct Color: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// Red, 0...1.
    public var red: Double
    /// Green, 0...1.
    public var green: Double
    /// Blue, 0...1.
    public var blue: Double
    /// Opacity, 0...1.
    public var alpha: Double

    /// A colour from channels in 0...1.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a name, letter, `Cn` or hex string; nil when matplotlib would not know it.
    public init?(named name: String) {
        let key = name.lowercased().replacing("grey", with: "gray")
        if key.hasPrefix("#"), let c = Color.hex(String(key.dropFirst())) {
            self = c
        } else if key.count == 2, key.first == "c", let n = Int(String(key.last!)) {
            self = Color.cycle[n]
        } else if let hex = Color.names[key], let c = Color.hex(hex) {
            self = c
        } else {
            return nil
        }
    }

    /// A colour from a string literal; traps on a name matplotlib does not know.
    public init(stringLiteral value: String) {
        guard let c = Color(named: value) else { preconditionFailure("Color: unknown colour '\(value)'") }
        self = c
    }

    /// The same colour with another alpha.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// The 8-bit pixel of this colour.
    public var pixel: RGBAPixel {
        func byte(_ v: Double) -> UInt8 { UInt8((Swift.min(Swift.max(v, 0), 1) * 255).rounded()) }
        return RGBAPixel(byte(red), byte(green), byte(blue), byte(alpha))
    }

    /// `#rrggbb` (or `#rrggbbaa` when not opaque).
    public var description: String {
        let p = pixel
        let parts = p.a == 255 ? [p.r, p.g, p.b] : [p.r, p.g, p.b, p.a]
        return "#" + parts.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// matplotlib's default property cycle ("tab10"): C0 ... C9.
    public static let cycle: [Color] = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// Black.
    public static let black: Color = "black"
    /// White.
    public static let white: Color = "white"

    static func hex(_ digits: String) -> Color? {
        guard digits.count == 6 || digits.count == 8, let v = UInt32(digits, radix: 16) else { return nil }
        let full = digits.count == 6 ? v << 8 | 0xFF : v
        return Color(red: Double(full >> 24) / 255, green: Double((full >> 16) & 255) / 255,
                     blue: Double((full >> 8) & 255) / 255, alpha: Double(full & 255) / 255)
    }

    /// matplotlib's base colours, the Tableau colours and the CSS names a plot usually needs.
    static let names: [String: String] = [
        "b": "0000ff", "g": "008000", "r": "ff0000", "c": "00bfbf", "m": "bf00bf", "y": "bfbf00",
        "k": "000000", "w": "ffffff",
        "tab:blue": "1f77b4", "tab:orange": "ff7f0e", "tab:green": "2ca02c", "tab:red": "d62728",
        "tab:purple": "9467bd", "tab:brown": "8c564b", "tab:pink": "e377c2", "tab:gray": "7f7f7f",
        "tab:olive": "bcbd22", "tab:cyan": "17becf",
        "black": "000000", "white": "ffffff", "red": "ff0000", "green": "008000", "blue": "0000ff",
        "purple": "800080", "orange": "ffa500", "yellow": "ffff00", "cyan": "00ffff",
        "magenta": "ff00ff", "gray": "808080", "lightgray": "d3d3d3", "darkgray": "a9a9a9",
        "silver": "c0c0c0", "brown": "a52a2a", "pink": "ffc0cb", "navy": "000080", "teal": "008080",
        "olive": "808000", "maroon": "800000", "lime": "00ff00", "gold": "ffd700",
        "darkgreen": "006400", "darkblue": "00008b", "darkred": "8b0000", "darkorange": "ff8c00",
        "skyblue": "87ceeb", "steelblue": "4682b4", "violet": "ee82ee", "indigo": "4b0082",
        "crimson": "dc143c", "coral": "ff7f50", "salmon": "fa8072", "tomato": "ff6347",
        "turquoise": "40e0d0", "royalblue": "4169e1", "forestgreen": "228b22",
    ]
}
