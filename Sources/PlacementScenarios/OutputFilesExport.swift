// Writers of scenarios and results use the safe file writing of OutputFiles through this module.
@_exported import OutputFiles
