import EmberCLIKit

// The `ember` executable: the commands live in EmberCLIKit, where tests (and the umbrella
// package) can reach them.
@main
extension Ember {}
