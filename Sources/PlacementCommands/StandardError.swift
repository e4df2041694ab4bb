import Foundation

/// Writes one line to stderr (reports go to stdout; problems and progress never do).
func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
