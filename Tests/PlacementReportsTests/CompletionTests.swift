import Foundation
import TestSupport
import Testing

/// Shell completions come from swift-argument-parser (`--generate-completion-script`) and cover every
/// subcommand and option, the import's included.
@Suite("Shell completions")
struct CompletionTests {
    @Test("bash, zsh and fish scripts name the subcommands and their options", arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) throws {
        let run = try BuiltTool.run("placement", ["--generate-completion-script", shell])
        #expect(run.status == 0)
        for word in ["sufficiency", "import", "as-of", "quiet", "cooperative"] {
            #expect(run.standardOutput.contains(word), "\(shell): \(word)")
        }
    }
}
