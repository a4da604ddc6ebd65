/*
 * CLuaShim: the C that runs between Swift and Lua 5.4.
 *
 * Swift never calls a Lua API function that can raise an error: a Lua error is a longjmp and must
 * never cross a Swift frame. Everything that may raise (running chunks, calling functions, anything
 * with metamethods) goes through `stx_pcall`, which runs it in a protected frame with a traceback
 * message handler. Swift itself only pushes values, reads values of a known type, and does raw table
 * access; while Swift runs, the state is in "host mode" and the allocator grants every request
 * (still accounted), so even a push cannot raise a memory error.
 *
 * Each function is annotated like the Lua reference manual: [-o, +p, x] means it pops `o` values,
 * pushes `p` values, and `x` says whether it can raise: `-` never, `m` only a memory error (never in
 * host mode), `e` any error (only ever called from inside Lua, by C functions that Lua called).
 */
#ifndef CLUASHIM_H
#define CLUASHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdint.h>
#include <stddef.h>

/* MARK: - Limits and the per-state context */

/** Which limit ended the current run, if any. Sticky until `stx_begin_run`. */
typedef enum stx_limit {
    STX_LIMIT_NONE = 0,
    STX_LIMIT_MEMORY = 1,
    STX_LIMIT_INSTRUCTIONS = 2,
    STX_LIMIT_TIMEOUT = 3,
    STX_LIMIT_OUTPUT = 4,
} stx_limit;

/**
 * Calls a Swift callback identified by `box`. Returns n >= 0 when n results are on top of the stack,
 * or -1 when an error message (a string) is on top; the C trampoline then raises it, after Swift has
 * returned. Swift never raises.
 */
typedef int (*stx_dispatch_fn)(lua_State *L, void *box);
/** Releases a Swift object box (an Unmanaged retain) when its userdata is collected. */
typedef void (*stx_release_fn)(void *box);

/** The usage counters of the current run. */
typedef struct stx_usage {
    int64_t instructions;
    int64_t memory;
    int64_t peak_memory;
} stx_usage;

/* MARK: - State lifecycle */

/**
 * Creates a state with the accounting allocator, the count hook, a quiet panic/warning setup, the
 * full standard library in the real globals (for trusted host code), and the bounded replacements
 * (pattern matching, table functions, pcall/xpcall, coroutine.resume/close, print, setmetatable,
 * collectgarbage) installed over the originals. Returns NULL when memory is short.
 */
lua_State *stx_newstate(stx_dispatch_fn dispatch, stx_release_fn release);
/** Closes the state and frees its context. Call exactly once. No Lua code runs during the close. */
void stx_close(lua_State *L);

/** Sets the limits that `stx_begin_run` arms. max_log_bytes bounds the captured print output. */
void stx_set_limits(lua_State *L, int64_t max_instructions, int64_t max_memory, int64_t max_log_bytes);
/** Starts a new run: clears the limit flag, the counters, the peak memory and the log. [-0, +0, -] */
void stx_begin_run(lua_State *L);
/** Sets the wall-clock deadline to `now + nanoseconds` (CLOCK_MONOTONIC). */
void stx_set_deadline_in(lua_State *L, int64_t nanoseconds);
/** Nanoseconds on CLOCK_MONOTONIC. */
int64_t stx_now_ns(void);
/** The limit hit in the current run (STX_LIMIT_NONE if none). */
stx_limit stx_limit_hit(lua_State *L);
/** Marks a limit as hit (used by the host when the time budget is already spent). */
void stx_set_limit_hit(lua_State *L, stx_limit limit);
/** The counters of the current run. */
stx_usage stx_get_usage(lua_State *L);

/* MARK: - Thread confinement */

/**
 * Claims the state for the calling thread. Returns 0 on success (re-entrant calls from the owning
 * thread succeed too), -1 when another thread is using the state. Pair every success with stx_leave.
 */
int stx_enter(lua_State *L);
/** Releases one claim taken by stx_enter. */
void stx_leave(lua_State *L);

/* MARK: - Sandbox */

/**
 * Restricts the state after trusted host code was loaded: removes string.dump from the string
 * library (which the string metatable's __index uses), protects the string metatable with
 * __metatable, keeps math.randomseed for the host only, and builds the template of the sandboxed
 * global environment. Returns a Lua status. [-0, +0, -]
 */
int stx_restrict(lua_State *L);
/**
 * Pushes a fresh sandboxed global environment: fresh copies of each library table and of the safe
 * base functions, `_G` pointing at itself. Reseeds math.random with `seed`. Returns a Lua status;
 * on error the message is pushed instead. [-0, +1, -]
 */
int stx_new_env(lua_State *L, lua_Integer seed);

/**
 * Loads a text-only chunk (mode "t") named `chunkname` (used verbatim in messages, e.g.
 * "checkout.lua:3:"). Runs under the memory cap. Pushes the function, or an error message.
 * Returns a Lua status (LUA_ERRSYNTAX, LUA_ERRMEM). [-0, +1, -]
 */
int stx_load(lua_State *L, const char *source, size_t length, const char *chunkname);

/**
 * Calls the function below `nargs` arguments in protected mode, with the traceback message handler,
 * the host mode off (the memory cap applies) and the count hook armed. On success pushes `nresults`
 * results (LUA_MULTRET for all); on error pushes a message string (the traceback is kept aside, see
 * stx_push_traceback) and returns the Lua status. [-(nargs+1), +(nresults|1), -]
 */
int stx_pcall(lua_State *L, int nargs, int nresults);
/** Pushes the traceback of the last error handled by stx_pcall, or nil; clears it. [-0, +1, -] */
void stx_push_traceback(lua_State *L);
/** Runs a full garbage collection. Only C finalizers exist, so no Lua code runs. [-0, +0, -] */
void stx_full_gc(lua_State *L);

/* MARK: - Log (print) */

/**
 * The captured log: records of [size_t length][bytes], `*length` bytes in all. Valid until the next
 * call into Lua or stx_begin_run.
 */
const char *stx_log_data(lua_State *L, size_t *length);

/* MARK: - Swift functions and objects */

/*
 * Ownership: each `box` passed below is one retain (Unmanaged.passRetained) that Lua now owns; it is
 * released through the release function when the value holding it is collected (or the state closes).
 */

/** Pushes a Lua function that calls the Swift callback `box` through the dispatch function. [-0, +1, -] */
void stx_push_swift_function(lua_State *L, void *box);
/**
 * Pops a methods table and pushes a protected metatable for Swift objects: __index looks in the methods
 * table first and then calls `index_box`; __newindex calls `newindex_box`; __metatable is false (scripts
 * can neither read nor replace it); __name is `name`; __gc releases the object box. [-1, +1, -]
 */
void stx_new_class(lua_State *L, const char *name, void *index_box, void *newindex_box);
/** Pops a metatable made by stx_new_class and pushes a userdata holding the object `box` with it. [-1, +1, -] */
void stx_push_object(lua_State *L, void *box);
/** The object box of the value at `idx` if it is an object made by stx_push_object, else NULL. [-0, +0, -] */
void *stx_to_object(lua_State *L, int idx);

/* MARK: - Macros as functions (Swift cannot import function-like macros) */

/** [-n, +0, -] */
static inline void stx_pop(lua_State *L, int n) { lua_settop(L, -(n) - 1); }
/** [-1, +0, -] Removes the value at `idx`, shifting down the ones above it. */
static inline void stx_remove(lua_State *L, int idx) { lua_rotate(L, idx, -1); lua_settop(L, -2); }
/** [-0, +1, -] (host mode: never raises) */
static inline void stx_newtable(lua_State *L) { lua_createtable(L, 0, 0); }
/**
 * [-0, +0, -] The bytes of the STRING at `idx` (NULL for any other type: never converts a number in
 * place, which lua_tolstring would do).
 */
static inline const char *stx_tostring(lua_State *L, int idx, size_t *length) {
    if (lua_type(L, idx) != LUA_TSTRING) { *length = 0; return NULL; }
    return lua_tolstring(L, idx, length);
}
/** [-0, +0, -] The integer at `idx`; `*isinteger` is 0 when it is not an integer (a float stays a float). */
static inline lua_Integer stx_tointeger(lua_State *L, int idx, int *isinteger) {
    if (!lua_isinteger(L, idx)) { *isinteger = 0; return 0; }
    return lua_tointegerx(L, idx, isinteger);
}
/** [-0, +0, -] */
static inline lua_Number stx_tonumber(lua_State *L, int idx) { return lua_tonumberx(L, idx, NULL); }
/** [-0, +0, -] The value that means "all results". */
static inline int stx_multret(void) { return LUA_MULTRET; }
/** [-1, +0, m] Pops a value and stores it in the registry; returns the reference (LUA_REFNIL for nil). */
static inline int stx_ref(lua_State *L) { return luaL_ref(L, LUA_REGISTRYINDEX); }
/** [-0, +0, -] Releases a registry reference. */
static inline void stx_unref(lua_State *L, int ref) { luaL_unref(L, LUA_REGISTRYINDEX, ref); }
/** [-0, +1, -] Pushes the value of a registry reference; returns its type. */
static inline int stx_getref(lua_State *L, int ref) { return lua_rawgeti(L, LUA_REGISTRYINDEX, ref); }

#endif
