// The umbrella module: `import Ember` brings in the whole framework and its bundled plugins.
@_exported import EmberCore
@_exported import EmberAutograd
@_exported import EmberData
@_exported import EmberDistance
@_exported import EmberCSV
@_exported import EmberBLAS
