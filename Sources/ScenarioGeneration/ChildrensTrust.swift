import PlacementScenarios

/// A children's trust or council-owned company that runs a council's children's services, from
/// `childrens_trusts_2025.csv`: the council, the trust, the names Ofsted's register gives its homes
/// and fostering agency, how DfE counts its placements, and the source.
struct ChildrensTrust: Sendable, Equatable {
    static let file = "childrens_trusts_2025.csv"

    /// The council whose services the trust runs (GSS code).
    var authority: String
    var name: String
    /// The `owner` names of the trust's entries on Ofsted's register (it may register under more than one).
    var registerOwners: Set<String>
    /// How DfE counts the trust's placements: `.voluntary` (voluntary/third sector provision) or
    /// `.localAuthority` (the council's own provision).
    var countedAs: Sector
    var source: String

    /// Whether a register entry located in the trust's council is the trust's.
    func owns(_ entry: OfficialData.RegisteredProvider) -> Bool {
        entry.authority == authority && registerOwners.contains(entry.owner)
    }

    /// The trusts of `table`, by council; every problem logged against its line and field.
    static func read(_ table: OfficialTable, authorities: Set<String>, log: inout IssueLog) -> [String: ChildrensTrust]
    {
        var trusts: [String: ChildrensTrust] = [:]
        var lines: [String: Int] = [:]
        for row in table.rows {
            let code = row.text("la_code")
            let countedAs: Sector? =
                switch row.text("dfe_counts_as") {
                case "voluntary": .voluntary
                case "own": .localAuthority
                default: nil
                }
            let owners = Set(row.text("register_owners").split(separator: ";").map { $0.trimmed })
            var valid = true
            func problem(_ field: String, _ message: String) {
                log.error(file, line: row.line, field: field, message)
                valid = false
            }
            if !authorities.contains(code) { problem("la_code", "'\(code)' is not an authority in the authority list") }
            if let first = lines[code] { problem("la_code", "'\(code)' is listed twice (first on line \(first))") }
            if row.text("trust").isEmpty { problem("trust", "is empty") }
            if owners.isEmpty || owners.contains("") {
                problem("register_owners", "needs owner names separated by ';'")
            }
            if countedAs == nil {
                problem("dfe_counts_as", "'\(row.text("dfe_counts_as"))' is neither 'voluntary' nor 'own'")
            }
            if row.text("source").isEmpty { problem("source", "is empty: every trust needs its source") }
            guard valid, let countedAs else { continue }
            lines[code] = row.line
            trusts[code] = ChildrensTrust(
                authority: code, name: row.text("trust"), registerOwners: owners, countedAs: countedAs,
                source: row.text("source"))
        }
        return trusts
    }
}

extension Substring {
    fileprivate var trimmed: String { String(self).trimmingCharacters(in: .whitespaces) }
}
