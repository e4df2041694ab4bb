import PlacementCommands

PlacementCommand.main()
