import EmberBLAS
import EmberCLIKit
import EmberDistance

/// The `ember` executable: registers the bundled plugins' operators and kernels, then runs the commands
/// (which live in EmberCLIKit, where tests and the umbrella package can reach them).
@main
enum EmberMain {
    static func main() {
        EmberDistance.register()
        EmberBLAS.register()
        Ember.main()
    }
}
