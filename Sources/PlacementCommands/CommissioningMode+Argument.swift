import ArgumentParser
import PlacementOptimisation

/// `--mode` and the like take a commissioning mode by its name (`council`, `regional`, …).
extension CommissioningMode: ExpressibleByArgument {}
