import EmberCore

/// How a module's own state is found: stored properties by reflection (declaration order,
/// superclass first), then what was registered by name.
extension Module {
    /// The parameters and buffers held directly by this module.
    func directSlots() -> [(name: String, slot: TensorSlot, isParameter: Bool)] {
        var found: [(name: String, slot: TensorSlot, isParameter: Bool)] = []
        forEachStoredProperty { label, value in
            if let wrapper = value as? ModuleTensorWrapper {
                found.append((wrapper.slot.name ?? Module.stateName(label), wrapper.slot, wrapper.isParameter))
            }
        }
        return found + registeredSlots
    }

    /// The child modules held directly by this module (absent optional children are skipped).
    func directChildren() -> [(name: String, module: Module)] {
        var found: [(name: String, module: Module)] = []
        forEachStoredProperty { label, value in
            if let child = value as? Module {
                found.append((Module.stateName(label), child))
            } else if value is [Module] || value is [String: Module] {
                preconditionFailure("\(typeName).\(label): modules in an Array or Dictionary are not registered; "
                    + "hold them in a ModuleList or ModuleDict")
            }
        }
        for (name, module) in registeredChildren {
            if let module { found.append((name, module)) }
        }
        return found
    }

    /// Calls `body` with each stored property of the subclasses of `Module`, unwrapping optionals.
    private func forEachStoredProperty(_ body: (String, Any) -> Void) {
        var mirrors: [Mirror] = []
        var mirror: Mirror? = Mirror(reflecting: self)
        while let m = mirror, m.subjectType != Module.self {
            mirrors.append(m)
            mirror = m.superclassMirror
        }
        for m in mirrors.reversed() {
            for child in m.children {
                guard let label = child.label else { continue }
                if let value = Module.unwrapOptional(child.value) { body(label, value) }
            }
        }
    }

    private static func unwrapOptional(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// The state-dict name of a stored property: without a property wrapper's leading
    /// underscore, camelCase turned into snake_case (`_runningMean` → `running_mean`).
    static func stateName(_ label: String) -> String {
        var name = Substring(label)
        if name.first == "_" { name = name.dropFirst() }
        if name.hasPrefix("$__lazy_storage_$_") { name = name.dropFirst("$__lazy_storage_$_".count) }
        var out = ""
        var previous: Character?
        for c in name {
            if c.isUppercase, let p = previous, p.isLowercase || p.isNumber { out.append("_") }
            out.append(contentsOf: c.lowercased())
            previous = c
        }
        return out
    }
}
