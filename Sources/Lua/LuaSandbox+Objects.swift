import CLua
import CLuaShim

extension LuaSandbox {
    /// Exposes a Swift object to scripts as a global (gone after the next reset).
    ///
    /// The sandbox keeps the object alive while Lua can reach it.
    /// - Parameters:
    ///   - name: the global's name.
    ///   - object: the object.
    ///   - objectClass: its properties and methods.
    public func setGlobal<Object: AnyObject>(_ name: String, object: Object, as objectClass: LuaObjectClass<Object>) {
        enterOrStop()
        defer { leave() }
        let token = LuaClassToken()
        pushMethods(of: objectClass, token: token)
        let index = Self.indexBox(for: objectClass, token: token)
        let newIndex = Self.newIndexBox(for: objectClass, token: token)
        objectClass.name.withCString { className in
            stx_new_class(L, className, index.retainedPointer, newIndex.retainedPointer)
        }
        let box = LuaObjectBox(object: object, classToken: token)
        stx_push_object(L, Unmanaged.passRetained(box).toOpaque())
        storeTopValue(as: name, in: environment)
    }

    /// Pushes a table of Lua functions, one per method.
    private func pushMethods<Object: AnyObject>(of objectClass: LuaObjectClass<Object>, token: LuaClassToken) {
        let stack = LuaStack(L: L)
        lua_createtable(L, 0, Int32(clamping: objectClass.methods.count))
        for (key, body) in objectClass.methods {
            let box = LuaCallbackBox { L in
                let stack = LuaStack(L: L)
                guard let object = Self.object(at: 1, in: L, token: token, as: Object.self) else {
                    stack.push("bad self for '\(key)': call it as \(objectClass.name.lowercased()):\(key)(...)")
                    return -1
                }
                let arguments: [LuaValue]
                do throws(LuaError) {
                    arguments = try stack.popValues(lua_gettop(L) - 1)
                } catch {
                    stack.push("bad argument to '\(key)': \(Self.messageOf(error))")
                    return -1
                }
                return Self.finishCallback(stack) { () throws(LuaCallbackError) in try body(object, arguments) }
            }
            stack.push(key)
            stx_push_swift_function(L, box.retainedPointer)
            lua_rawset(L, -3)
        }
    }

    /// __index: properties (methods are found in the methods table before Swift is asked).
    private static func indexBox<Object: AnyObject>(for objectClass: LuaObjectClass<Object>, token: LuaClassToken) -> LuaCallbackBox {
        LuaCallbackBox { L in
            let stack = LuaStack(L: L)
            guard let object = object(at: 1, in: L, token: token, as: Object.self) else {
                stack.push("\(objectClass.name): not an object of this class")
                return -1
            }
            guard let key = stack.string(at: 2), let getter = objectClass.getters[key] else {
                stack.push("\(objectClass.name) has no field \(describeKey(at: 2, in: L))")
                return -1
            }
            stack.push(getter(object))
            return 1
        }
    }

    /// __newindex: setters; read-only and unknown keys are errors.
    private static func newIndexBox<Object: AnyObject>(for objectClass: LuaObjectClass<Object>, token: LuaClassToken) -> LuaCallbackBox {
        LuaCallbackBox { L in
            let stack = LuaStack(L: L)
            guard let object = object(at: 1, in: L, token: token, as: Object.self) else {
                stack.push("\(objectClass.name): not an object of this class")
                return -1
            }
            let key = stack.string(at: 2)
            guard let key, let setter = objectClass.setters[key] else {
                let known = key.map { objectClass.getters[$0] != nil || objectClass.methods[$0] != nil } ?? false
                stack.push(known
                    ? "field \(describeKey(at: 2, in: L)) of \(objectClass.name) is read-only"
                    : "\(objectClass.name) has no field \(describeKey(at: 2, in: L))")
                return -1
            }
            let value: LuaValue
            do throws(LuaError) {
                value = try stack.value(at: 3)
            } catch {
                stack.push("cannot set '\(key)': \(messageOf(error))")
                return -1
            }
            return finishCallback(stack) { () throws(LuaCallbackError) in
                try setter(object, value)
                return []
            }
        }
    }

    /// The Swift object of the userdata at `index` if it belongs to the registration `token`.
    private static func object<Object: AnyObject>(at index: Int32, in L: OpaquePointer, token: LuaClassToken, as type: Object.Type) -> Object? {
        guard let raw = stx_to_object(L, index) else { return nil }
        let box = Unmanaged<LuaObjectBox>.fromOpaque(raw).takeUnretainedValue()
        guard box.classToken === token else { return nil }
        return box.object as? Object
    }

    private static func describeKey(at index: Int32, in L: OpaquePointer) -> String {
        if let key = LuaStack(L: L).string(at: index) { return "'\(key)'" }
        return "of type \(String(cString: lua_typename(L, lua_type(L, index))))"
    }
}
