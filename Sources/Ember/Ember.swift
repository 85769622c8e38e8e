// The umbrella module: `import Ember` brings in the whole framework.
@_exported import EmberCore
