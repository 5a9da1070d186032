package io.github.prismaregistry.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A response the server writes, plus how to deliver it (normally, cut short, or not at all). */
final class HttpResponse {

    enum Delivery { NORMAL, DROP_CONNECTION, TRUNCATE_BODY }

    static final byte[] NO_BODY = new byte[0];
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    final int status;
    final String contentType;
    final byte[] body;
    final List<String[]> extraHeaders = new ArrayList<>(1);
    Delivery delivery = Delivery.NORMAL;

    HttpResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body == null ? NO_BODY : body;
    }

    static HttpResponse json(int status, byte[] body) {
        return new HttpResponse(status, JSON, body);
    }

    static HttpResponse text(int status, String body) {
        return new HttpResponse(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse empty(int status) {
        return new HttpResponse(status, null, NO_BODY);
    }

    HttpResponse header(String name, String value) {
        extraHeaders.add(new String[] {name, value});
        return this;
    }

    static String reasonPhrase(int status) {
        switch (status) {
            case 100: return "Continue";
            case 200: return "OK";
            case 201: return "Created";
            case 204: return "No Content";
            case 301: return "Moved Permanently";
            case 302: return "Found";
            case 304: return "Not Modified";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 409: return "Conflict";
            case 411: return "Length Required";
            case 413: return "Payload Too Large";
            case 415: return "Unsupported Media Type";
            case 425: return "Too Early";
            case 429: return "Too Many Requests";
            case 431: return "Request Header Fields Too Large";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Status " + status;
        }
    }
}
