extension SecuconnectClient {
    /// Authorizes this cash register as a device (OAuth device grant) and returns the session to save.
    ///
    /// Registers `uuid`, hands the user code to `present` (show it to the merchant, who confirms it
    /// in SecuOffice), then polls while the answer is `authorization_pending`, pausing as
    /// ``SecuconnectConfiguration/devicePolling`` says. The client uses the new token at once.
    /// - Parameters:
    ///   - uuid: the device's uuid, e.g. `/vendor/acme/cashier/1`.
    ///   - present: shows the user code and verification URL.
    /// - Returns: the device session; save it with ``DeviceTokenFile/write(to:)``.
    /// - Throws: ``SecuconnectError/deviceAuthorizationExpired(userCode:)`` when nobody confirmed in
    ///   time, ``SecuconnectError/authentication(_:)`` when the server refused.
    public func authorizeDevice(uuid: String, present: @Sendable (DeviceAuthorization) async -> Void)
        async throws(SecuconnectError) -> DeviceTokenFile
    {
        let authorization = try await oauth.registerDevice(uuid: uuid)
        await present(authorization)
        let policy = configuration.devicePolling
        let deadline = ContinuousClock.now + authorization.expiresIn
        var pause = policy.first(serverInterval: authorization.interval)
        while ContinuousClock.now + pause < deadline {
            try? await Task.sleep(for: pause)
            guard !Task.isCancelled else { throw .invalidRequest("the device authorization was cancelled") }
            do {
                let issued = try await oauth.token(.deviceCode(authorization.deviceCode))
                return try await adoptDeviceSession(issued, uuid: uuid)
            } catch .authentication(let failure) where ["authorization_pending", "slow_down"].contains(failure.error) {
                pause = policy.next(after: pause, slowDown: failure.error == "slow_down")
                logger.debug("device authorization pending", metadata: ["next_poll": "\(pause)"])
            }
        }
        throw .deviceAuthorizationExpired(userCode: authorization.userCode)
    }

    private func adoptDeviceSession(_ issued: IssuedToken, uuid: String) async throws(SecuconnectError) -> DeviceTokenFile {
        guard let refresh = issued.refreshToken else {
            throw .unexpectedResponse(operation: "device authorization", httpStatus: 200, reason: "no refresh_token in the answer")
        }
        await tokens.adopt(issued)
        logger.info("device authorized", metadata: ["uuid": "\(uuid)"])
        return DeviceTokenFile(
            clientID: credentials.clientID, clientSecret: credentials.clientSecret, refreshToken: refresh, uuid: uuid)
    }
}
