import EmberCLIKit
import EmberDistance

/// The `ember` executable: registers the bundled plugins' operators, then runs the commands
/// (which live in EmberCLIKit, where tests and the umbrella package can reach them).
@main
enum EmberMain {
    static func main() {
        EmberDistance.register()
        Ember.main()
    }
}
