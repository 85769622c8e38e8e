import EmberCore

/// The functional forms of EmberNN's layers (`torch.nn.functional`): stateless operators
/// taking their weights as arguments. Each is a dispatcher operator with a derivative, so a
/// plugin can replace its kernel. Many users write `typealias F = Functional`.
public enum Functional {}
