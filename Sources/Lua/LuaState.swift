import CLua
import CLuaShim
import Synchronization

/// Owns one `lua_State` and closes it exactly once, when the last owner (the sandbox or one of its
/// chunks) goes away.
///
/// Registry references released by other objects (``LuaChunk``) are queued here under a lock and
/// released by the sandbox on its next entry, on the thread that owns the state at that time.
final class LuaState {
    /// The main thread of the state.
    let L: OpaquePointer
    private let pendingReleases = Mutex<[Int32]>([])

    /// Creates a state with the sandbox's allocator, hook and bounded libraries.
    /// - Throws: `.host` when the state cannot be created (out of memory).
    init() throws(LuaError) {
        let state = stx_newstate(
            { L, box in
                guard let L, let box else { return -1 }
                return Unmanaged<LuaCallbackBox>.fromOpaque(box).takeUnretainedValue().invoke(L)
            },
            { box in
                guard let box else { return }
                Unmanaged<AnyObject>.fromOpaque(box).release()
            }
        )
        guard let state else {
            throw .host(message: "could not create a Lua state (out of memory)")
        }
        L = state
    }

    deinit {
        stx_close(L)
    }

    /// Queues a registry reference for release; safe from any thread.
    /// - Parameter reference: a reference made by `stx_ref`.
    func releaseLater(_ reference: Int32) {
        pendingReleases.withLock { $0.append(reference) }
    }

    /// Releases the queued registry references. Call only while owning the state.
    func drainReleases() {
        let references = pendingReleases.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
        for reference in references {
            stx_unref(L, reference)
        }
    }
}
