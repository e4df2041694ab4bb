import PlacementCommands

PlacementCommand.runWithEscapedMessages()
