// Compile-only stand-in of org.kohsuke.stapler:json-lib (2.4-jenkins-8 as bundled by Jenkins 2.479.2 and later; checked against jenkinsci/json-lib @bcd15fdb20bb), src/main/java/net/sf/json/JSONObject.java
// (supertypes AbstractJSON, JSON and Comparable and the typed accessors are left out; the Map part is complete.
//  keySet() returns Set<String> and keys() Iterator<String>; entrySet(), values() and putAll(Map) stay raw, as there.)
package net.sf.json;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

@SuppressWarnings({"rawtypes", "unchecked"})
public final class JSONObject implements Map<String, Object> {
    public JSONObject() {
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public boolean containsKey(Object key) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public boolean containsValue(Object value) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Set entrySet() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Object get(Object key) {
        throw new UnsupportedOperationException("stand-in");
    }

    public Object get(String key) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public boolean isEmpty() {
        throw new UnsupportedOperationException("stand-in");
    }

    public Iterator<String> keys() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Set<String> keySet() {
        throw new UnsupportedOperationException("stand-in");
    }

    public Object opt(String key) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void putAll(Map map) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("stand-in");
    }

    public Object remove(String key) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Collection values() {
        throw new UnsupportedOperationException("stand-in");
    }
}
