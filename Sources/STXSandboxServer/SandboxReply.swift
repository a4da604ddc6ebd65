import Hummingbird
import NIOCore
import STXEmulator
import SmartTransactions

/// JSON answers in the API's shapes.
enum SandboxReply {
    /// A JSON body with a status.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        let bytes = JSON.serialize(value, pretty: false)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The emulator's error payload with its HTTP status.
    static func error(_ payload: APIErrorPayload) -> Response {
        json(payload.json, status: HTTPResponse.Status(code: payload.httpStatus))
    }

    /// The API's error payload with a given status.
    static func error(status: Int, error: String, details: String, user: String, code: Int) -> Response {
        let payload = APIErrorPayload(
            error: error, details: details, user: user, code: code, supportID: supportID())
        return json(payload.json, status: HTTPResponse.Status(code: status))
    }

    /// An OAuth error `{error, error_description}`.
    static func oauthError(_ error: String, _ description: String, status: Int = 400) -> Response {
        json(["error": .string(error), "error_description": .string(description)], status: HTTPResponse.Status(code: status))
    }

    /// A support id in secuconnect's style.
    static func supportID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "sbx" + String(generator.next(upperBound: UInt64(1) << 48), radix: 16)
    }
}
