import EmberBLAS
import EmberDistance
import _EmberAutoRegister

/// Registers the plugins bundled with Ember: EmberBLAS's float32/float64 matrix products
/// over Core's reference kernels, and EmberDistance's operators. A program that links the
/// `Ember` product gets them when it is loaded (a load-time constructor calls this), so
/// calling it is never needed; it is idempotent. Programs that depend on the sub-packages
/// alone call `EmberBLAS.register()` themselves (products otherwise run on Core's
/// reference kernels: same results, slower).
public func registerBundledPlugins() {
    EmberBLAS.register()
    EmberDistance.register()
}

/// Whether the bundled plugins were registered when the program was loaded.
public var bundledPluginsRegisteredAtLoad: Bool { ember_bundled_plugins_registered_at_load() != 0 }

/// The load-time entry point the constructor in `_EmberAutoRegister` calls.
@_cdecl("ember_register_bundled_plugins")
func registerBundledPluginsAtLoad() {
    registerBundledPlugins()
}
