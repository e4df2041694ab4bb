import Foundation

/// A CSV the tool wrote whose fields hold no comma or quote (tiny's names, figures): its rows keyed
/// by heading, for tests that read a result file column by column.
public enum PlainCSV {
    public static func rows(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
    }
}
