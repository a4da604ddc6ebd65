import STXSandboxServer
import Testing

@Suite("Fault syntax")
struct ParsingTests {
    @Test("the header syntax parses every fault and prints back the same")
    func header() throws {
        let fault = try SandboxFault(parsing: "delay=2000; status=503, drop-after-commit;expire-token")
        #expect(fault == SandboxFault(delay: .seconds(2), status: 503, dropAfterCommit: true, expireToken: true))
        #expect(try SandboxFault(parsing: fault.description) == fault)
        #expect(try SandboxFault(parsing: "").isEmpty)
    }

    @Test("malformed faults are refused with the accepted forms", arguments: [
        "delay=-1", "delay=abc", "status=200", "status=", "drop", "expire-token=1",
    ])
    func badFaults(text: String) {
        #expect(throws: SandboxConfigurationError.self) { try SandboxFault(parsing: text) }
    }

    @Test("rules name a route, faults and an optional count")
    func rules() throws {
        let rule = try SandboxFaultRule(parsing: "start:drop-after-commit#1")
        #expect(rule == SandboxFaultRule(route: .start, fault: SandboxFault(dropAfterCommit: true), times: 1))
        #expect(try SandboxFaultRule(parsing: rule.description) == rule)
        #expect(try SandboxFaultRule(parsing: "create:status=503").times == nil)
        for bad in ["launch:status=503", "start", "start:delay=1#0", "create:status=503#x"] {
            #expect(throws: SandboxConfigurationError.self) { try SandboxFaultRule(parsing: bad) }
        }
    }
}
