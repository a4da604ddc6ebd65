import Foundation

/// The LuaCATS annotations file, parsed: classes with their fields and methods, aliases, globals.
struct LuaAnnotationsFile {
    struct Member: Equatable {
        var name: String
        var type: String
        var optional: Bool
    }

    struct Function {
        var owner: String?
        var name: String
        var parameters: [String]
        var annotatedParameters: [String]
    }

    var classes: [String: [Member]] = [:]
    var methods: [String: [String]] = [:]
    var aliases: [String: String] = [:]
    var globals: Set<String> = []
    var functions: [Function] = []

    init(_ source: String) {
        var current: String?
        var tables: [String: String] = [:]
        var pendingParameters: [String] = []
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let words = line.split(separator: " ", maxSplits: 2).map(String.init)
            if line.hasPrefix("---@class "), words.count >= 2 {
                current = words[1]
                classes[words[1], default: []] = classes[words[1]] ?? []
            } else if line.hasPrefix("---@field "), words.count >= 3, let current, !words[1].hasPrefix("[") {
                let name = words[1]
                let type = Self.typeToken(String(words[2]))
                classes[current, default: []].append(
                    Member(name: name.hasSuffix("?") ? String(name.dropLast()) : name, type: type, optional: name.hasSuffix("?") || type.hasSuffix("?")))
            } else if line.hasPrefix("---@alias "), words.count >= 3 {
                aliases[words[1]] = Self.typeToken(String(words[2]))
            } else if line.hasPrefix("---@param "), words.count >= 2 {
                pendingParameters.append(words[1].hasSuffix("?") ? String(words[1].dropLast()) : words[1])
            } else if line.hasPrefix("local "), line.hasSuffix("= {}"), let current, words.count >= 2 {
                tables[words[1]] = current
            } else if line.hasPrefix("function ") {
                functions.append(Self.function(line, tables: tables, parameters: pendingParameters))
                pendingParameters = []
            } else if let match = line.firstMatch(of: #/^([a-z_]+) = /#) {
                globals.insert(String(match.1))
            }
        }
        for function in functions {
            if let owner = function.owner { methods[owner, default: []].append(function.name) } else { globals.insert(function.name) }
        }
    }

    /// `name` of the class, as fields and methods.
    func names(of className: String) -> [String] {
        (classes[className] ?? []).map(\.name) + (methods[className] ?? [])
    }

    /// The first type token: up to the first space outside parentheses.
    private static func typeToken(_ text: String) -> String {
        var depth = 0
        var token = ""
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == " " && depth == 0 { break }
            token.append(character)
        }
        return token
    }

    private static func function(_ line: String, tables: [String: String], parameters: [String]) -> Function {
        let match = line.firstMatch(of: #/^function (?:([A-Za-z_]+)[:.])?([a-z_]+)\(([^)]*)\)/#)
        let owner = match.flatMap { $0.1 }.flatMap { tables[String($0)] }
        let name = match.map { String($0.2) } ?? ""
        let declared = match.map { String($0.3) }?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        return Function(owner: owner, name: name, parameters: declared, annotatedParameters: parameters)
    }

    /// The Lua types a value of annotated type `type` may have (`integer`, `float`, `string`, …).
    func luaTypes(_ type: String) -> Set<String> {
        var text = type
        if text.hasSuffix("?") { text.removeLast() }
        var result: Set<String> = []
        for part in text.split(separator: "|") {
            let part = String(part)
            switch part {
            case "integer": result.insert("integer")
            case "number": result.formUnion(["integer", "float"])
            case "string", "boolean", "table": result.insert(part)
            case "any": result.formUnion(["integer", "float", "string", "boolean", "table", "function"])
            default:
                if part.hasPrefix("\"") { result.insert("string") }
                else if part.hasSuffix("[]") { result.insert("table") }
                else if part.hasPrefix("fun(") { result.insert("function") }
                else if let alias = aliases[part] { result.formUnion(luaTypes(alias)) }
                else if part.hasPrefix("stx.") { result.insert("table") }
            }
        }
        return result
    }
}
