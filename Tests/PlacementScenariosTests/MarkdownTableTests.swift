import PlacementScenarios
import Testing

@Suite("Markdown pipe tables")
struct MarkdownTableTests {
    @Test("Figures right-aligned, and a | in a name escaped so that the row keeps its cells")
    func alignedAndEscaped() {
        var table = MarkdownTable(["provider", "places"], align: "lr")
        table.append(["Oak | Ash House", "4"])
        #expect(table.lines == ["| provider | places |", "|---|--:|", "| Oak \\| Ash House | 4 |"])
        #expect(table.text == table.lines.map { $0 + "\n" }.joined())
        // A reader splitting on unescaped pipes finds the two cells.
        #expect(table.lines[2].replacingOccurrences(of: "\\|", with: "").split(separator: "|").count == 2)
        // A line break in a cell would end the row: it becomes a space.
        table.append(["Elm\nHouse", "2"])
        #expect(table.lines[3] == "| Elm House | 2 |")
    }
}
