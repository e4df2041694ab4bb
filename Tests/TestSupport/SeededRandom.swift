import PlacementScenarios

/// The library's deterministic generator, under the name the tests have always used.
public typealias SeededRandom = PlacementScenarios.SeededRandom
