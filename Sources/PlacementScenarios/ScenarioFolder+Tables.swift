extension ScenarioFolder {
    /// The CSV table `reference` names, or nil with the reason logged: at the manifest's line naming
    /// it when the name is at fault, else against the file. Every table of a scenario, the flow
    /// tables included, is read here, so each is refused for the same faults in the same words.
    /// `optional`: the other columns its reader takes, which like the required ones may hold no
    /// control character.
    func table(
        _ reference: Manifest.TableReference, required: [String], optional: [String] = [], log: inout IssueLog
    ) -> CSVTable? {
        switch read(reference.name) {
        case .success(let data):
            return CSVTable.parse(
                data, file: reference.name, required: required, plainColumns: Set(required + optional), log: &log)
        case .failure(let problem) where problem.kind == .name && reference.line != nil:
            log.error(
                Manifest.fileName, line: reference.line, column: reference.column, field: "files.\(reference.key)",
                "'\(reference.name)' \(problem.message)")
        case .failure(let problem):
            log.error(reference.name.isEmpty ? "files.\(reference.key)" : reference.name, problem.message)
        }
        return nil
    }
}
