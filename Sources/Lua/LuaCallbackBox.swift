import CLua

/// A Swift callback that Lua owns (one retain, released when the Lua value holding it is collected).
///
/// `invoke` runs in host mode inside a C trampoline: it must not raise Lua errors. It returns the
/// number of results it pushed, or -1 after pushing an error message that the trampoline raises.
final class LuaCallbackBox {
    let invoke: (OpaquePointer) -> Int32

    init(_ invoke: @escaping (OpaquePointer) -> Int32) {
        self.invoke = invoke
    }

    /// A retained pointer whose ownership passes to the C shim.
    var retainedPointer: UnsafeMutableRawPointer {
        Unmanaged.passRetained(self).toOpaque()
    }
}

/// The Swift object behind a userdata, with the token of the registration (metatable) it belongs to.
final class LuaObjectBox {
    let object: AnyObject
    let classToken: AnyObject

    init(object: AnyObject, classToken: AnyObject) {
        self.object = object
        self.classToken = classToken
    }
}

/// Identifies one metatable made for a ``LuaObjectClass``: methods accept only objects carrying it.
final class LuaClassToken {}
