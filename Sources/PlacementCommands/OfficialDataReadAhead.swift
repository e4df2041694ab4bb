import Foundation
import PlacementCalibration
import PlacementScenarios

/// The official data read on a thread of their own while the command loads its scenario (each takes
/// about a tenth of a second on England). ``data`` and ``error`` wait for the read.
final class OfficialDataReadAhead: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var read: OfficialPlacementData?
    private var failure: ScenarioError?

    /// Starts reading `folder`.
    init(_ folder: String) {
        let thread = Thread { [self] in
            let official = Result { () throws(ScenarioError) in try OfficialPlacementData.read(from: folder) }
            lock.withLock {
                switch official {
                case .success(let data): read = data
                case .failure(let error): failure = error
                }
            }
            done.signal()
        }
        thread.start()
    }

    /// The data read; nil when the folder has no readable official data.
    var data: OfficialPlacementData? {
        waitForTheRead()
        return lock.withLock { read }
    }

    /// Why the folder's official data could not be read (every problem: file, line, field); nil when read.
    var error: ScenarioError? {
        waitForTheRead()
        return lock.withLock { failure }
    }

    private func waitForTheRead() {
        done.wait()
        done.signal()
    }
}
