import Dispatch
import Foundation
import OutputFiles

/// On SIGINT or SIGTERM: removes the temporaries and staging folders being written, then ends the
/// process with 130 or 143 (128 + the signal), as a shell does. Output already in place stays.
enum InterruptHandling {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    private static let queue = DispatchQueue(label: "placement.interrupts")

    /// Installs the handlers once; later calls do nothing.
    static func install() {
        _ = installed
    }

    private static let installed: Bool = {
        for (signalNumber, exitCode) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                InterruptCleanup.shared.removeAllAndHold()
                _exit(exitCode)
            }
            source.resume()
            sources.append(source)
        }
        return true
    }()
}
