import CLuaShim

/// A compiled text chunk, kept in its sandbox's registry so it is compiled once and can be run
/// again after every reset (each run sees the environment that is current then).
///
/// A chunk belongs to the sandbox that compiled it and shares its thread confinement.
public final class LuaChunk {
    let state: LuaState
    let reference: Int32
    /// The name used in messages, e.g. `"checkout.lua"`.
    public let chunkName: String

    init(state: LuaState, reference: Int32, chunkName: String) {
        self.state = state
        self.reference = reference
        self.chunkName = chunkName
    }

    deinit {
        state.releaseLater(reference)
    }
}

@available(*, unavailable, message: "a LuaChunk is confined to its sandbox's thread")
extension LuaChunk: Sendable {}
