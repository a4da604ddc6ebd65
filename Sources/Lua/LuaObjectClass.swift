/// How scripts see one kind of Swift object: named properties (readable, optionally writable)
/// and methods.
///
/// In Lua the object is a userdata whose metatable is protected (`getmetatable` returns `false`
/// and `setmetatable` cannot replace it). Reading `object.key` calls the getter or returns the
/// method; writing `object.key = value` calls the setter. Unknown keys, writes to read-only
/// properties and methods called without `:` are Lua errors that name the class and the key.
///
/// ```swift
/// let counterClass = LuaObjectClass<Counter>(name: "Counter")
///     .property("value", get: { .integer($0.value) }, set: { counter, value throws(LuaCallbackError) in
///         guard let number = value.integerValue else { throw LuaCallbackError("value must be an integer") }
///         counter.value = number
///     })
///     .method("increment") { counter, _ in counter.value += 1; return [] }
/// sandbox.setGlobal("counter", object: Counter(), as: counterClass)
/// ```
public struct LuaObjectClass<Object: AnyObject> {
    /// A property setter: validates and stores a value a script assigns.
    public typealias Setter = (Object, LuaValue) throws(LuaCallbackError) -> Void
    /// A method body: receives the object and the arguments after `self`.
    public typealias Method = (Object, [LuaValue]) throws(LuaCallbackError) -> [LuaValue]

    /// The class name scripts see in messages and in `tostring(object)`.
    public let name: String
    var getters: [String: (Object) -> LuaValue] = [:]
    var setters: [String: Setter] = [:]
    var methods: [String: Method] = [:]

    /// Creates a class with no properties or methods.
    /// - Parameter name: the name scripts see, e.g. `"Basket"`.
    public init(name: String) {
        self.name = name
    }

    /// Adds a read-only property.
    /// - Parameters:
    ///   - key: the field name.
    ///   - get: returns the current value.
    /// - Returns: the class with the property.
    public func property(_ key: String, get: @escaping (Object) -> LuaValue) -> Self {
        var copy = self
        copy.getters[key] = get
        copy.setters[key] = nil
        return copy
    }

    /// Adds a writable property.
    /// - Parameters:
    ///   - key: the field name.
    ///   - get: returns the current value.
    ///   - set: validates and stores a new value; throw to reject it.
    /// - Returns: the class with the property.
    public func property(_ key: String, get: @escaping (Object) -> LuaValue, set: @escaping Setter) -> Self {
        var copy = self
        copy.getters[key] = get
        copy.setters[key] = set
        return copy
    }

    /// Adds a method, called as `object:key(...)`.
    /// - Parameters:
    ///   - key: the method name.
    ///   - body: receives the object and the arguments after `self`.
    /// - Returns: the class with the method.
    public func method(_ key: String, _ body: @escaping Method) -> Self {
        var copy = self
        copy.methods[key] = body
        return copy
    }
}
