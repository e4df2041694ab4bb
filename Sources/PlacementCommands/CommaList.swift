import ArgumentParser
import PlacementScenarios

/// A comma-separated option value (`--modes`, `--kinds`, `--frontier`).
enum CommaList {
    /// The items, trimmed. An empty item ('a,,b', a trailing comma) is a usage error naming the
    /// option, so that a slip is not read as a shorter list; `what` names an item in the message.
    static func items(_ text: String, option: String, what: String, example: String) throws -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !items.contains(where: \.isEmpty) else {
            let given = TerminalSafeText.escaping(text)
            throw ValidationError(
                "\(option): an empty \(what) in '\(given)'; give them comma-separated, such as \(example)")
        }
        return items
    }

    /// The choices named, each once, in order; an unknown name is a usage error listing them all.
    static func choices<Choice: Equatable>(
        _ text: String, option: String, what: String, from all: [(name: String, choice: Choice)]
    ) throws -> [Choice] {
        let names = all.map(\.name)
        var chosen: [Choice] = []
        for name in try items(text, option: option, what: what, example: names.prefix(2).joined(separator: ",")) {
            guard let choice = all.first(where: { $0.name == name })?.choice else {
                throw ValidationError(
                    "\(option): unknown \(what) '\(TerminalSafeText.escaping(name))'; choose from "
                        + names.joined(separator: ", "))
            }
            if !chosen.contains(choice) { chosen.append(choice) }
        }
        return chosen
    }
}
