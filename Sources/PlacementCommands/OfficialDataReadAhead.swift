import Foundation
import PlacementCalibration

/// The official data read on a thread of their own while the command loads its scenario (each takes
/// about a tenth of a second on England). ``data`` waits for the read; nil when the folder has no
/// readable official data, as `try? OfficialPlacementData.read(from:)`.
final class OfficialDataReadAhead: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var read: OfficialPlacementData?

    /// Starts reading `folder`.
    init(_ folder: String) {
        let thread = Thread { [self] in
            let official = try? OfficialPlacementData.read(from: folder)
            lock.withLock { read = official }
            done.signal()
        }
        thread.start()
    }

    /// The data read, once the read has ended.
    var data: OfficialPlacementData? {
        done.wait()
        done.signal()
        return lock.withLock { read }
    }
}
