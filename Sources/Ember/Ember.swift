// The umbrella module: `import Ember` brings in the whole framework and its bundled plugins.
@_exported import EmberCore
@_exported import EmberAutograd
@_exported import EmberNN
@_exported import EmberData
@_exported import EmberOptim
@_exported import EmberDistance
@_exported import EmberCSV
@_exported import EmberImage
@_exported import EmberPlot
@_exported import EmberBLAS
