/**
 * The shared kernel: database start-up, security, the caller, the main layout and API error handling.
 * Every feature module may use it; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.walkrx.base;
