/*
 * CLuaShim: state lifecycle, the accounting allocator, the count hook, protected calls, and the
 * sandbox's replacements for the base functions that could swallow or escape a limit.
 * See include/CLuaShim.h for the contract of each public function.
 */
#include "stx_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Registry keys (addresses of these statics are unique light userdata). */
static const char stx_traceback_key = 0;
static const char stx_template_key = 0;
static const char stx_randomseed_key = 0;
static const char stx_messages_key = 0;
static const char stx_stopped_threads_key = 0;
static const char stx_box_metatable_key = 0;
static const char stx_object_marker_key = 0;

static const char *const stx_limit_messages[] = {
    "no limit",
    "memory limit exceeded",
    "instruction limit exceeded",
    "time limit exceeded",
    "output limit exceeded",
};

static void stx_hook(lua_State *L, lua_Debug *ar);
static int stx_box_gc(lua_State *L);

/* MARK: - Context, clock, allocator */

stx_context *stx_ctx(lua_State *L) {
    void *ud = NULL;
    (void)lua_getallocf(L, &ud);
    return (stx_context *)ud;
}

int64_t stx_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/*
 * Accounts every byte. While scripts run (host mode off) a growth that would pass the cap is
 * refused; Lua then runs an emergency full collection and asks again, and only a second refusal in
 * a row marks the memory limit as hit (so garbage that a collection can free never ends a run).
 * Shrinking never fails, as Lua requires.
 */
static void *stx_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    stx_context *c = (stx_context *)ud;
    int64_t old = ptr ? (int64_t)osize : 0;
    if (nsize == 0) {
        free(ptr);
        c->memory_used -= old;
        return NULL;
    }
    int64_t grown = c->memory_used - old + (int64_t)nsize;
    if ((int64_t)nsize > old && !c->host_mode && grown > c->memory_cap) {
        if (c->refused_pending && c->limit_hit == STX_LIMIT_NONE) c->limit_hit = STX_LIMIT_MEMORY;
        c->refused_pending = 1;
        return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    if ((int64_t)nsize > old) c->refused_pending = 0;
    c->memory_used = grown;
    if (grown > c->memory_peak) c->memory_peak = grown;
    return block;
}

static int stx_panic(lua_State *L) {
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(no message)";
    fprintf(stderr, "stx: unprotected Lua error (a bug in CLuaShim): %s\n", msg);
    return 0; /* Lua aborts */
}

/* MARK: - Limits */

static void stx_check_deadline(stx_context *c) {
    if (c->limit_hit == STX_LIMIT_NONE && c->deadline_ns != 0 && stx_now_ns() > c->deadline_ns)
        c->limit_hit = STX_LIMIT_TIMEOUT;
}

int stx_raise_limit(lua_State *L) {
    stx_context *c = stx_ctx(L);
    if (lua_gethookcount(L) != 1) lua_sethook(L, stx_hook, LUA_MASKCOUNT, 1);
    /* The messages are interned at setup and kept in the registry, so this push does not allocate. */
    lua_pushstring(L, stx_limit_messages[c->limit_hit]);
    return lua_error(L);
}

void stx_charge(lua_State *L, int64_t units) {
    stx_context *c = stx_ctx(L);
    if (c->limit_hit == STX_LIMIT_NONE) {
        c->instructions_used += units;
        if (c->instructions_used > c->instruction_budget) {
            c->limit_hit = STX_LIMIT_INSTRUCTIONS;
        } else if (c->instructions_used >= c->next_check) {
            c->next_check = c->instructions_used + STX_CHECK_INTERVAL;
            stx_check_deadline(c);
        }
    }
    if (c->limit_hit != STX_LIMIT_NONE) stx_raise_limit(L);
}

/*
 * Runs every STX_HOOK_INTERVAL instructions (every instruction once a limit is hit, so the error
 * keeps coming back however a script tries to continue).
 */
/*
 * Lua runs a message handler, and later a dead coroutine's __close handlers, with hooks disabled
 * when the error came from inside a hook. So a coroutine stopped by the hook is remembered (weak
 * table) and never reset or closed again, and xpcall's handler is skipped once a limit is hit.
 */
static void stx_remember_stopped_thread(lua_State *L) {
    stx_context *c = stx_ctx(L);
    int saved = c->host_mode;
    c->host_mode = 1;
    if (lua_pushthread(L)) {
        lua_pop(L, 1); /* the main thread: luaD_pcall restores its hooks */
    } else {
        lua_rawgetp(L, LUA_REGISTRYINDEX, &stx_stopped_threads_key);
        lua_insert(L, -2);
        lua_pushboolean(L, 1);
        lua_rawset(L, -3);
        lua_pop(L, 1);
    }
    c->host_mode = saved;
}

/* Whether the coroutine at `idx` (of L's stack) was stopped by the hook. [-0, +0, -] */
static int stx_was_stopped(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &stx_stopped_threads_key);
    lua_pushvalue(L, idx);
    int stopped = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 2);
    return stopped;
}

static void stx_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    stx_context *c = stx_ctx(L);
    int count = lua_gethookcount(L);
    if (c->limit_hit == STX_LIMIT_NONE) {
        c->instructions_used += count;
        if (c->instructions_used > c->instruction_budget) c->limit_hit = STX_LIMIT_INSTRUCTIONS;
        else stx_check_deadline(c);
    }
    if (c->limit_hit != STX_LIMIT_NONE) {
        stx_remember_stopped_thread(L);
        stx_raise_limit(L);
        return;
    }
    if (count != STX_HOOK_INTERVAL) lua_sethook(L, stx_hook, LUA_MASKCOUNT, STX_HOOK_INTERVAL);
}

void stx_set_limits(lua_State *L, int64_t max_instructions, int64_t max_memory, int64_t max_log_bytes) {
    stx_context *c = stx_ctx(L);
    c->instruction_budget = max_instructions;
    c->memory_cap = max_memory;
    c->log_cap = max_log_bytes;
}

void stx_begin_run(lua_State *L) {
    stx_context *c = stx_ctx(L);
    c->limit_hit = STX_LIMIT_NONE;
    c->instructions_used = 0;
    c->next_check = STX_CHECK_INTERVAL;
    c->refused_pending = 0;
    c->memory_peak = c->memory_used;
    c->deadline_ns = 0;
    c->log_length = 0;
    c->log_bytes = 0;
    lua_sethook(L, stx_hook, LUA_MASKCOUNT, STX_HOOK_INTERVAL);
}

void stx_set_deadline_in(lua_State *L, int64_t nanoseconds) {
    stx_ctx(L)->deadline_ns = stx_now_ns() + nanoseconds;
}

stx_limit stx_limit_hit(lua_State *L) { return stx_ctx(L)->limit_hit; }

void stx_set_limit_hit(lua_State *L, stx_limit limit) { stx_ctx(L)->limit_hit = limit; }

stx_usage stx_get_usage(lua_State *L) {
    stx_context *c = stx_ctx(L);
    stx_usage usage = { c->instructions_used, c->memory_used, c->memory_peak };
    return usage;
}

/* MARK: - Thread confinement */

int stx_enter(lua_State *L) {
    stx_context *c = stx_ctx(L);
    uintptr_t me = (uintptr_t)pthread_self();
    uintptr_t expected = 0;
    if (atomic_compare_exchange_strong(&c->owner, &expected, me)) {
        c->depth = 1;
        return 0;
    }
    if (expected == me) {
        c->depth += 1;
        return 0;
    }
    return -1;
}

void stx_leave(lua_State *L) {
    stx_context *c = stx_ctx(L);
    if (--c->depth == 0) atomic_store(&c->owner, (uintptr_t)0);
}

/* MARK: - Safe pcall, xpcall, coroutine.resume, coroutine.close (a limit cannot be caught) */

/* After a protected call inside a script: a limit error (or a memory error) is re-raised at once. */
static int stx_finishpcall(lua_State *L, int status, lua_KContext extra) {
    stx_context *c = stx_ctx(L);
    if (status == LUA_ERRMEM && c->limit_hit == STX_LIMIT_NONE) c->limit_hit = STX_LIMIT_MEMORY;
    if (c->limit_hit != STX_LIMIT_NONE) return stx_raise_limit(L);
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

static int stx_pcall_lua(lua_State *L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, stx_finishpcall);
    return stx_finishpcall(L, status, 0);
}

/* xpcall's handler (upvalue 1) runs only for ordinary errors, never for a limit error. */
static int stx_xpcall_handler(lua_State *L) {
    if (stx_ctx(L)->limit_hit != STX_LIMIT_NONE) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int stx_xpcall_lua(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, stx_xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, stx_finishpcall);
    return stx_finishpcall(L, status, 2);
}

static lua_State *stx_getco(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co, 1, "thread");
    return co;
}

/* lcorolib.c's auxresume, plus: a limit hit inside the coroutine is re-raised in the resumer. */
static int stx_auxresume(lua_State *L, lua_State *co, int narg) {
    stx_context *c = stx_ctx(L);
    int status, nres;
    if (!lua_checkstack(co, narg)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    lua_xmove(L, co, narg);
    status = lua_resume(co, L, narg, &nres);
    if (status == LUA_ERRMEM && c->limit_hit == STX_LIMIT_NONE) c->limit_hit = STX_LIMIT_MEMORY;
    if (c->limit_hit != STX_LIMIT_NONE) return stx_raise_limit(L);
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);
            lua_pushliteral(L, "too many results to resume");
            return -1;
        }
        lua_xmove(co, L, nres);
        return nres;
    }
    lua_xmove(co, L, 1);
    return -1;
}

static int stx_coresume(lua_State *L) {
    lua_State *co = stx_getco(L);
    int r = stx_auxresume(L, co, lua_gettop(L) - 1);
    if (r < 0) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1);
    lua_insert(L, -(r + 1));
    return r + 1;
}

/* lcorolib.c's coroutine status codes and auxstatus. */
enum { STX_COS_RUN, STX_COS_DEAD, STX_COS_YIELD, STX_COS_NORM };
static const char *const stx_costatus_names[] = {"running", "dead", "suspended", "normal"};

static int stx_auxstatus(lua_State *L, lua_State *co) {
    if (L == co) return STX_COS_RUN;
    switch (lua_status(co)) {
        case LUA_YIELD:
            return STX_COS_YIELD;
        case LUA_OK: {
            lua_Debug ar;
            if (lua_getstack(co, 0, &ar)) return STX_COS_NORM;
            return lua_gettop(co) == 0 ? STX_COS_DEAD : STX_COS_YIELD;
        }
        default:
            return STX_COS_DEAD;
    }
}

/* lcorolib.c's close, plus the limit check after the coroutine's __close handlers ran. */
static int stx_coclose(lua_State *L) {
    lua_State *co = stx_getco(L);
    int status = stx_auxstatus(L, co);
    if (status != STX_COS_DEAD && status != STX_COS_YIELD)
        return luaL_error(L, "cannot close a %s coroutine", stx_costatus_names[status]);
    stx_context *c = stx_ctx(L);
    if (c->limit_hit != STX_LIMIT_NONE) return stx_raise_limit(L);
    if (stx_was_stopped(L, 1)) return luaL_error(L, "cannot close a coroutine that a limit stopped");
    status = lua_resetthread(co);
    if (status == LUA_ERRMEM && c->limit_hit == STX_LIMIT_NONE) c->limit_hit = STX_LIMIT_MEMORY;
    if (c->limit_hit != STX_LIMIT_NONE) return stx_raise_limit(L);
    if (status == LUA_OK) {
        lua_pushboolean(L, 1);
        return 1;
    }
    lua_pushboolean(L, 0);
    lua_xmove(co, L, 1);
    return 2;
}

/* lcorolib.c's auxwrap, plus: a limit is re-raised at once, before any __close handler runs. */
static int stx_auxwrap(lua_State *L) {
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int r = stx_auxresume(L, co, lua_gettop(L));
    if (r >= 0) return r;
    int status = lua_status(co);
    if (status != LUA_OK && status != LUA_YIELD) {
        if (stx_was_stopped(L, lua_upvalueindex(1))) return luaL_error(L, "cannot resume a coroutine that a limit stopped");
        status = lua_resetthread(co);
        stx_context *c = stx_ctx(L);
        if (status == LUA_ERRMEM && c->limit_hit == STX_LIMIT_NONE) c->limit_hit = STX_LIMIT_MEMORY;
        if (c->limit_hit != STX_LIMIT_NONE) return stx_raise_limit(L);
        lua_xmove(co, L, 1);
    }
    if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int stx_cowrap(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, stx_auxwrap, 1);
    return 1;
}

/* MARK: - print, setmetatable, collectgarbage */

/* print(...): one line into the bounded log (never stdout). */
static int stx_print(lua_State *L) {
    stx_context *c = stx_ctx(L);
    int n = lua_gettop(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        if (i > 1) luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    size_t length = 0;
    const char *line = lua_tolstring(L, -1, &length);
    stx_charge(L, 1 + (int64_t)(length / STX_BYTES_PER_UNIT));
    if (c->log_bytes + (int64_t)length + 1 > c->log_cap) {
        if (c->limit_hit == STX_LIMIT_NONE) c->limit_hit = STX_LIMIT_OUTPUT;
        return stx_raise_limit(L);
    }
    size_t needed = c->log_length + sizeof(size_t) + length;
    if (needed > c->log_capacity) {
        size_t capacity = c->log_capacity ? c->log_capacity : 1024;
        while (capacity < needed) capacity *= 2;
        char *grown = realloc(c->log, capacity);
        if (grown == NULL) return luaL_error(L, "not enough memory for the log");
        c->log = grown;
        c->log_capacity = capacity;
    }
    memcpy(c->log + c->log_length, &length, sizeof(size_t));
    memcpy(c->log + c->log_length + sizeof(size_t), line, length);
    c->log_length = needed;
    c->log_bytes += (int64_t)length + 1;
    return 0;
}

const char *stx_log_data(lua_State *L, size_t *length) {
    stx_context *c = stx_ctx(L);
    *length = c->log_length;
    return c->log;
}

/* setmetatable that refuses __gc: no script code may ever run during a collection or lua_close. */
static int stx_setmetatable(lua_State *L) {
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        int gc = lua_rawget(L, 2);
        lua_pop(L, 1);
        if (gc != LUA_TNIL) return luaL_error(L, "__gc finalizers are not available in checkout scripts");
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* collectgarbage reduced to "count": scripts cannot stop, tune or force the collector. */
static int stx_collectgarbage(lua_State *L) {
    const char *option = luaL_optstring(L, 1, "collect");
    if (strcmp(option, "count") != 0)
        return luaL_error(L, "collectgarbage('%s') is not available in checkout scripts; only 'count' is", option);
    int k = lua_gc(L, LUA_GCCOUNT);
    int b = lua_gc(L, LUA_GCCOUNTB);
    lua_pushnumber(L, (lua_Number)k + ((lua_Number)b / 1024));
    return 1;
}

/* MARK: - Metering of library functions that work in proportion to their data */

#define STX_METER_SCAN_ARG1 1

/*
 * Calls the original C function (upvalue 1) in this same frame, so argument errors still name the
 * function as the script called it. Charges the arguments before and the results (count and string
 * bytes) after; with STX_METER_SCAN_ARG1 also the bytes of a string first argument that the function
 * scans. Only used for functions without upvalues of their own.
 */
static int stx_metered(lua_State *L) {
    lua_CFunction original = (lua_CFunction)(uintptr_t)lua_touserdata(L, lua_upvalueindex(1));
    lua_Integer flags = lua_tointeger(L, lua_upvalueindex(2));
    int n = lua_gettop(L);
    int64_t cost = 1 + n;
    if ((flags & STX_METER_SCAN_ARG1) && lua_type(L, 1) == LUA_TSTRING)
        cost += (int64_t)(lua_rawlen(L, 1) / STX_BYTES_PER_UNIT);
    stx_charge(L, cost);
    int results = original(L);
    int64_t after = results;
    for (int i = 1; i <= results; i++)
        if (lua_type(L, -i) == LUA_TSTRING) after += (int64_t)(lua_rawlen(L, -i) / STX_BYTES_PER_UNIT);
    stx_charge(L, after);
    return results;
}

/* Replaces t[name] (t on top) with a metered wrapper of the C function that is there. [-0, +0, m] */
static void stx_meter(lua_State *L, const char *name, lua_Integer flags) {
    if (lua_getfield(L, -1, name) != LUA_TFUNCTION || !lua_iscfunction(L, -1)) {
        lua_pop(L, 1);
        return;
    }
    lua_CFunction original = lua_tocfunction(L, -1);
    lua_pop(L, 1);
    if (original == NULL) return;
    lua_pushlightuserdata(L, (void *)(uintptr_t)original);
    lua_pushinteger(L, flags);
    lua_pushcclosure(L, stx_metered, 2);
    lua_setfield(L, -2, name);
}

/* MARK: - Setup */

/* Installs the bounded and safe functions into the real globals and the library tables. */
static int stx_setup(lua_State *L) {
    luaL_checkversion(L); /* the headers and the linked liblua5.4 must agree */
    luaL_openlibs(L);
    /* Intern the limit messages (kept alive in the registry) so raising them never allocates. */
    lua_createtable(L, 5, 0);
    for (int i = 0; i < 5; i++) {
        lua_pushstring(L, stx_limit_messages[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_rawsetp(L, LUA_REGISTRYINDEX, &stx_messages_key);
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &stx_stopped_threads_key);
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, stx_box_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &stx_box_metatable_key);

    lua_pushglobaltable(L);
    lua_pushcfunction(L, stx_pcall_lua);
    lua_setfield(L, -2, "pcall");
    lua_pushcfunction(L, stx_xpcall_lua);
    lua_setfield(L, -2, "xpcall");
    lua_pushcfunction(L, stx_print);
    lua_setfield(L, -2, "print");
    lua_pushcfunction(L, stx_setmetatable);
    lua_setfield(L, -2, "setmetatable");
    stx_meter(L, "tonumber", STX_METER_SCAN_ARG1);
    stx_meter(L, "tostring", 0);
    stx_meter(L, "select", 0);
    lua_pop(L, 1);

    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_getfield(L, -1, LUA_STRLIBNAME);
    stx_install_bounded_string(L);
    static const char *const string_metered[] = {
        "byte", "char", "format", "lower", "upper", "reverse", "sub", "pack", "unpack", NULL
    };
    for (int i = 0; string_metered[i]; i++) stx_meter(L, string_metered[i], 0);
    lua_pop(L, 1);

    lua_getfield(L, -1, LUA_TABLIBNAME);
    stx_install_bounded_table(L);
    stx_meter(L, "pack", 0);
    lua_pop(L, 1);

    lua_getfield(L, -1, LUA_UTF8LIBNAME);
    stx_meter(L, "char", 0);
    stx_meter(L, "codepoint", 0);
    stx_meter(L, "len", STX_METER_SCAN_ARG1);
    stx_meter(L, "offset", STX_METER_SCAN_ARG1);
    lua_pop(L, 1);

    lua_getfield(L, -1, LUA_COLIBNAME);
    lua_pushcfunction(L, stx_coresume);
    lua_setfield(L, -2, "resume");
    lua_pushcfunction(L, stx_coclose);
    lua_setfield(L, -2, "close");
    lua_pushcfunction(L, stx_cowrap);
    lua_setfield(L, -2, "wrap");
    lua_pop(L, 2);
    return 0;
}

/* Runs a C function in protected mode, host mode on. [-nargs, +nresults|1, -] */
static int stx_run_protected(lua_State *L, lua_CFunction f, int nargs, int nresults) {
    stx_context *c = stx_ctx(L);
    int saved = c->host_mode;
    c->host_mode = 1;
    lua_pushcfunction(L, f);
    lua_insert(L, -(nargs + 1));
    int status = lua_pcallk(L, nargs, nresults, 0, 0, NULL);
    c->host_mode = saved;
    return status;
}

lua_State *stx_newstate(stx_dispatch_fn dispatch, stx_release_fn release) {
    stx_context *c = calloc(1, sizeof(stx_context));
    if (c == NULL) return NULL;
    c->host_mode = 1;
    c->memory_cap = INT64_MAX;
    c->instruction_budget = INT64_MAX;
    c->log_cap = INT64_MAX;
    c->next_check = STX_CHECK_INTERVAL;
    c->dispatch = dispatch;
    c->release = release;
    atomic_init(&c->owner, (uintptr_t)0);
    lua_State *L = lua_newstate(stx_alloc, c);
    if (L == NULL) {
        free(c);
        return NULL;
    }
    lua_atpanic(L, stx_panic);
    lua_setwarnf(L, NULL, NULL);
    if (stx_run_protected(L, stx_setup, 0, 0) != LUA_OK) {
        stx_close(L);
        return NULL;
    }
    lua_sethook(L, stx_hook, LUA_MASKCOUNT, STX_HOOK_INTERVAL);
    return L;
}

void stx_close(lua_State *L) {
    stx_context *c = stx_ctx(L);
    c->host_mode = 1;
    lua_sethook(L, NULL, 0, 0);
    lua_close(L);
    free(c->log);
    free(c);
}

/* MARK: - Sandbox template and environments */

static const char *const stx_safe_base[] = {
    "assert", "error", "ipairs", "next", "pairs", "pcall", "xpcall", "rawequal", "rawget", "rawlen",
    "rawset", "select", "setmetatable", "getmetatable", "tonumber", "tostring", "type", "print",
    "_VERSION", NULL
};
static const char *const stx_safe_libs[] = {
    LUA_STRLIBNAME, LUA_TABLIBNAME, LUA_MATHLIBNAME, LUA_UTF8LIBNAME, LUA_COLIBNAME, NULL
};

/* Pushes a shallow copy of the table at idx. [-0, +1, m] */
static void stx_shallow_copy(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
}

static int stx_restrict_protected(lua_State *L) {
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    int loaded = lua_gettop(L);

    /* The string library is the string metatable's __index: no dump, and the metatable protected. */
    lua_getfield(L, loaded, LUA_STRLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);

    /* The host keeps math.randomseed; scripts get a math without it. */
    lua_getfield(L, loaded, LUA_MATHLIBNAME);
    lua_getfield(L, -1, "randomseed");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &stx_randomseed_key);
    lua_pop(L, 1);

    /* The template: safe base functions and a copy of each safe library. */
    lua_newtable(L);
    int template = lua_gettop(L);
    lua_pushglobaltable(L);
    for (int i = 0; stx_safe_base[i]; i++) {
        lua_getfield(L, -1, stx_safe_base[i]);
        lua_setfield(L, template, stx_safe_base[i]);
    }
    lua_pop(L, 1);
    lua_pushcfunction(L, stx_collectgarbage);
    lua_setfield(L, template, "collectgarbage");
    for (int i = 0; stx_safe_libs[i]; i++) {
        lua_getfield(L, loaded, stx_safe_libs[i]);
        stx_shallow_copy(L, -1);
        lua_remove(L, -2);
        lua_setfield(L, template, stx_safe_libs[i]);
    }
    lua_getfield(L, template, LUA_MATHLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    lua_pushvalue(L, template);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &stx_template_key);
    return 0;
}

int stx_restrict(lua_State *L) {
    int status = stx_run_protected(L, stx_restrict_protected, 0, 0);
    if (status != LUA_OK) lua_pop(L, 1);
    return status;
}

static int stx_new_env_protected(lua_State *L) {
    lua_Integer seed = lua_tointeger(L, 1);
    lua_newtable(L);
    int env = lua_gettop(L);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &stx_template_key);
    int template = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, template) != 0) {
        if (lua_type(L, -1) == LUA_TTABLE) {
            stx_shallow_copy(L, -1);
            lua_remove(L, -2);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, env);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");
    lua_rawgetp(L, LUA_REGISTRYINDEX, &stx_randomseed_key);
    lua_pushinteger(L, seed);
    lua_call(L, 1, 0);
    return 1;
}

int stx_new_env(lua_State *L, lua_Integer seed) {
    lua_pushinteger(L, seed);
    return stx_run_protected(L, stx_new_env_protected, 1, 1);
}

void stx_full_gc(lua_State *L) {
    stx_context *c = stx_ctx(L);
    int saved = c->host_mode;
    c->host_mode = 1;
    lua_gc(L, LUA_GCCOLLECT);
    c->host_mode = saved;
}

/* MARK: - Loading and protected calls */

int stx_load(lua_State *L, const char *source, size_t length, const char *chunkname) {
    stx_context *c = stx_ctx(L);
    int saved = c->host_mode;
    const char *name = lua_pushfstring(L, "=%s", chunkname);
    c->host_mode = 0;
    int status = luaL_loadbufferx(L, source, length, name, "t");
    c->host_mode = saved;
    lua_remove(L, -2);
    if (status == LUA_ERRMEM && c->limit_hit == STX_LIMIT_NONE) c->limit_hit = STX_LIMIT_MEMORY;
    return status;
}

/*
 * The message handler of stx_pcall. Never calls __tostring (or any metamethod): a non-string error
 * object is described by its type. Keeps the traceback aside in the registry and returns the message.
 */
static int stx_msgh(lua_State *L) {
    stx_context *c = stx_ctx(L);
    if (c->limit_hit != STX_LIMIT_NONE) return 1;
    int saved = c->host_mode;
    c->host_mode = 1;
    int type = lua_type(L, 1);
    if (type == LUA_TNUMBER) {
        lua_pushvalue(L, 1);
        lua_tolstring(L, -1, NULL); /* converts the copy, not the error object */
    } else if (type != LUA_TSTRING) {
        lua_pushfstring(L, "(error object is a %s value)", lua_typename(L, type));
    } else {
        lua_pushvalue(L, 1);
    }
    luaL_traceback(L, L, NULL, 1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &stx_traceback_key);
    c->host_mode = saved;
    return 1;
}

int stx_pcall(lua_State *L, int nargs, int nresults) {
    stx_context *c = stx_ctx(L);
    int base = lua_gettop(L) - nargs;
    if (c->limit_hit != STX_LIMIT_NONE) {
        lua_settop(L, base - 1);
        lua_pushstring(L, stx_limit_messages[c->limit_hit]);
        return LUA_ERRRUN;
    }
    lua_pushcfunction(L, stx_msgh);
    lua_insert(L, base);
    lua_sethook(L, stx_hook, LUA_MASKCOUNT, STX_HOOK_INTERVAL);
    int saved = c->host_mode;
    c->host_mode = 0;
    int status = lua_pcallk(L, nargs, nresults, base, 0, NULL);
    c->host_mode = saved;
    lua_remove(L, base);
    if (status == LUA_ERRMEM && c->limit_hit == STX_LIMIT_NONE) c->limit_hit = STX_LIMIT_MEMORY;
    if (status != LUA_OK && lua_type(L, -1) != LUA_TSTRING) {
        /* Only possible for errors that bypass the handler (memory, error in the handler). */
        lua_pop(L, 1);
        lua_pushstring(L, status == LUA_ERRMEM ? "not enough memory" : "error in error handling");
    }
    return status;
}

void stx_push_traceback(lua_State *L) {
    lua_rawgetp(L, LUA_REGISTRYINDEX, &stx_traceback_key);
    lua_pushnil(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &stx_traceback_key);
}

/* MARK: - Swift functions and objects */

/* Calls Swift in host mode; raises the message Swift left when it reports an error. */
static int stx_call_swift(lua_State *L, void *box) {
    stx_context *c = stx_ctx(L);
    stx_charge(L, 1);
    int saved = c->host_mode;
    c->host_mode = 1;
    int results = c->dispatch(L, box);
    c->host_mode = saved;
    if (results < 0) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    }
    return results;
}

/* The Swift box held by the userdata at upvalue `i` of the running C function. */
static void *stx_upvalue_box(lua_State *L, int i) {
    void **slot = (void **)lua_touserdata(L, lua_upvalueindex(i));
    return slot ? *slot : NULL;
}

/* __gc of box holders and objects: releases the Swift box (C code only; no Lua runs). */
static int stx_box_gc(lua_State *L) {
    void **slot = (void **)lua_touserdata(L, 1);
    if (slot != NULL && *slot != NULL) {
        stx_ctx(L)->release(*slot);
        *slot = NULL;
    }
    return 0;
}

/* Pushes a userdata that owns `box` (released when collected). [-0, +1, -] */
static void stx_push_box(lua_State *L, void *box) {
    void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &stx_box_metatable_key);
    lua_setmetatable(L, -2);
}

static int stx_swift_function(lua_State *L) {
    return stx_call_swift(L, stx_upvalue_box(L, 1));
}

void stx_push_swift_function(lua_State *L, void *box) {
    stx_push_box(L, box);
    lua_pushcclosure(L, stx_swift_function, 1);
}

/* __index: the methods table (upvalue 1) first, then Swift (upvalue 2). */
static int stx_object_index(lua_State *L) {
    lua_settop(L, 2);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
    lua_pop(L, 1);
    return stx_call_swift(L, stx_upvalue_box(L, 2));
}

static int stx_object_newindex(lua_State *L) {
    lua_settop(L, 3);
    return stx_call_swift(L, stx_upvalue_box(L, 1));
}

void stx_new_class(lua_State *L, const char *name, void *index_box, void *newindex_box) {
    int methods = lua_absindex(L, -1);
    lua_createtable(L, 0, 6);
    lua_pushvalue(L, methods);
    stx_push_box(L, index_box);
    lua_pushcclosure(L, stx_object_index, 2);
    lua_setfield(L, -2, "__index");
    stx_push_box(L, newindex_box);
    lua_pushcclosure(L, stx_object_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__name");
    lua_pushcfunction(L, stx_box_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 1);
    lua_rawsetp(L, -2, &stx_object_marker_key);
    lua_remove(L, methods);
}

void stx_push_object(lua_State *L, void *box) {
    void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
    lua_insert(L, -2);
    lua_setmetatable(L, -2);
}

void *stx_to_object(lua_State *L, int idx) {
    if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx)) return NULL;
    int marked = lua_rawgetp(L, -1, &stx_object_marker_key) != LUA_TNIL;
    lua_pop(L, 2);
    if (!marked) return NULL;
    void **slot = (void **)lua_touserdata(L, idx);
    return slot ? *slot : NULL;
}
