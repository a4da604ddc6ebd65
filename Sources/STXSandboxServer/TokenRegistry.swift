import Synchronization

/// The sandbox's OAuth state: access tokens with their expiry, refresh tokens, device codes.
final class TokenRegistry: Sendable {
    /// What an API request's token is worth.
    enum Check: Equatable {
        case valid
        case expired
        case unknown
    }

    /// The state of a device code being polled.
    enum DevicePoll: Equatable {
        case pending
        case approved(clientID: String, uuid: String)
        case unknown
    }

    private struct Device {
        var clientID: String
        var uuid: String
        var pendingPollsLeft: Int
    }

    private struct State {
        var access: [String: ContinuousClock.Instant] = [:]
        var refresh: [String: String] = [:]
        var devices: [String: Device] = [:]
    }

    private let state = Mutex(State())
    private let lifetime: Duration

    init(lifetime: Duration) {
        self.lifetime = lifetime
    }

    /// Issues an access token (and, for device sessions, a refresh token).
    func issue(clientID: String, withRefreshToken: Bool) -> (access: String, refresh: String?) {
        let access = Self.randomToken()
        let refresh = withRefreshToken ? Self.randomToken() : nil
        let expiry = ContinuousClock.now + lifetime
        state.withLock { state in
            state.access[access] = expiry
            if let refresh { state.refresh[refresh] = clientID }
        }
        return (access, refresh)
    }

    /// The `expires_in` to announce, whole seconds rounded up.
    var expiresIn: Int {
        let (seconds, attoseconds) = lifetime.components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }

    func check(_ token: String) -> Check {
        state.withLock { state in
            guard let expiry = state.access[token] else { return .unknown }
            return ContinuousClock.now < expiry ? .valid : .expired
        }
    }

    /// Makes `token` expired now.
    func expire(_ token: String) {
        state.withLock { state in
            if state.access[token] != nil { state.access[token] = ContinuousClock.now }
        }
    }

    /// The client a refresh token belongs to.
    func client(ofRefreshToken token: String) -> String? {
        state.withLock { $0.refresh[token] }
    }

    /// Registers a device; returns its device code and user code.
    func registerDevice(clientID: String, uuid: String, pendingPolls: Int) -> (deviceCode: String, userCode: String) {
        let code = Self.randomToken()
        let user = String(Self.randomToken().prefix(8)).uppercased()
        state.withLock { $0.devices[code] = Device(clientID: clientID, uuid: uuid, pendingPollsLeft: pendingPolls) }
        return (code, user)
    }

    /// One poll of a device code: pending until its pending polls are used up, then approved once.
    func poll(deviceCode: String) -> DevicePoll {
        state.withLock { state in
            guard var device = state.devices[deviceCode] else { return .unknown }
            guard device.pendingPollsLeft <= 0 else {
                device.pendingPollsLeft -= 1
                state.devices[deviceCode] = device
                return .pending
            }
            state.devices[deviceCode] = nil
            return .approved(clientID: device.clientID, uuid: device.uuid)
        }
    }

    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<32).map { _ in digits[Int(generator.next(upperBound: UInt8(16)))] })
    }
}
