import EmberBLAS
import EmberDistance

/// Registers the plugins bundled with Ember: EmberBLAS's float32/float64 matrix products
/// over Core's reference kernels, and EmberDistance's operators. Swift has no load-time
/// constructors, so a program that imports `Ember` calls this once at start (the `ember`
/// tool and `ember-bench` do); it is idempotent. Without it, products run on Core's
/// reference kernels (same results, slower), and plugin operators register on first use
/// of their Swift API.
public func registerBundledPlugins() {
    EmberBLAS.register()
    EmberDistance.register()
}
