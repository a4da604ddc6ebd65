import Foundation
import Secuconnect
import Testing

@Suite("Environments and credentials")
struct ConfigurationTests {
    @Test("testing, live and URLs parse to the API base and the token endpoint")
    func environments() throws {
        #expect(try SecuconnectEnvironment(parsing: "testing").apiBaseURL == "https://connect-testing.secuconnect.com/api/v2")
        #expect(try SecuconnectEnvironment(parsing: "LIVE").tokenURL == "https://connect.secucard.com/oauth/token")
        let local = try SecuconnectEnvironment(parsing: "http://127.0.0.1:8080/api/v2/")
        #expect(local.apiBaseURL == "http://127.0.0.1:8080/api/v2")
        #expect(local.tokenURL == "http://127.0.0.1:8080/oauth/token")
        #expect(try SecuconnectEnvironment(parsing: "https://proxy.example.com/stx").apiBaseURL
            == "https://proxy.example.com/stx/api/v2")
    }

    @Test("no clear-text credentials to remote hosts, no credentials in the URL, no garbage", arguments: [
        "http://connect.example.com", "https://user:pw@connect.example.com", "staging", "ftp://127.0.0.1", "",
    ])
    func badEnvironments(text: String) {
        let error = #expect(throws: SecuconnectError.self) { try SecuconnectEnvironment(parsing: text) }
        #expect(error.map { "\($0)".contains("testing") || "\($0)".contains("https") } == true)
    }

    @Test("credentials from STX_CLIENT_ID/STX_CLIENT_SECRET; missing ones name the variables to set")
    func fromEnvironment() throws {
        let credentials = try SecuconnectCredentials.fromEnvironment([
            "STX_CLIENT_ID": "id-1", "STX_CLIENT_SECRET": "hunter2-secret",
        ])
        #expect(credentials.clientID == "id-1")
        #expect(credentials.clientSecret.reveal() == "hunter2-secret")
        #expect(credentials.grant == .clientCredentials)
        let error = #expect(throws: SecuconnectError.self) {
            try SecuconnectCredentials.fromEnvironment(["STX_CLIENT_ID": "id-1"])
        }
        #expect(error.map { "\($0)".contains("STX_CLIENT_SECRET") && "\($0)".contains("STX_DEVICE_TOKEN_FILE") } == true)
    }

    @Test("a device token file round-trips with mode 0600 and gives refresh-token credentials")
    func deviceTokenFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stx-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = DeviceTokenFile(
            clientID: "id-2", clientSecret: Secret("file-secret"), refreshToken: Secret("file-refresh"), uuid: "/v/1")
        try file.write(to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let credentials = try SecuconnectCredentials.fromEnvironment(["STX_DEVICE_TOKEN_FILE": path])
        #expect(credentials.clientID == "id-2")
        #expect(credentials.grant == .refreshToken(Secret("file-refresh")))
    }

    @Test("a device token file that others can read, or that lacks keys, is refused")
    func badDeviceTokenFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stx-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(#"{"client_id":"x"}"#.utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let open = #expect(throws: SecuconnectError.self) { try SecuconnectCredentials.fromDeviceTokenFile(at: path) }
        #expect(open.map { "\($0)".contains("chmod 600") } == true)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let incomplete = #expect(throws: SecuconnectError.self) { try SecuconnectCredentials.fromDeviceTokenFile(at: path) }
        #expect(incomplete.map { "\($0)".contains("refresh_token") } == true)
        #expect(throws: SecuconnectError.self) { try SecuconnectCredentials.fromDeviceTokenFile(at: path + ".missing") }
    }

    @Test("device polling starts at the server's interval and backs off within its bounds")
    func devicePolling() {
        let policy = DevicePollingPolicy(minimumInterval: .seconds(1), maximumInterval: .seconds(10))
        #expect(policy.first(serverInterval: 0) == .seconds(1))
        #expect(policy.first(serverInterval: 5) == .seconds(5))
        #expect(policy.next(after: .seconds(4), slowDown: false) == .seconds(6))
        #expect(policy.next(after: .seconds(8), slowDown: false) == .seconds(10))
        #expect(policy.next(after: .seconds(2), slowDown: true) == .seconds(7))
    }
}
