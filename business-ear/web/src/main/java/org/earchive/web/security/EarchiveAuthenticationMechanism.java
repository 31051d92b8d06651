package org.earchive.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.Base64;

/**
 * One mechanism, three ways in: an {@code Authorization: Basic} header (API clients, scripts, the capture station),
 * the sign-in form posted to {@code /api/session} (pages; the session then carries the login), or an existing
 * session. An unauthenticated request to a protected resource gets a JSON 401 under {@code /api} and a redirect to
 * the sign-in page elsewhere. Only the form sign-in registers a session: API clients authenticate every request, so
 * 100,000 daily scripted calls do not leave 100,000 sessions behind.
 */
@ApplicationScoped
public class EarchiveAuthenticationMechanism implements HttpAuthenticationMechanism {
  static final String SIGN_IN_PATH = "/api/session";
  static final String LOGIN_PAGE = "/login.html";
  private static final String SESSION_USER = "earchive.user";
  private static final String SESSION_GROUPS = "earchive.groups";

  @Inject IdentityStoreHandler identityStore;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basic(authorization.substring(6).trim(), response, context);
    }
    if ("POST".equals(request.getMethod()) && SIGN_IN_PATH.equals(path)) {
      return form(request, response, context);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
      @SuppressWarnings("unchecked")
      Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
      return context.notifyContainerAboutLogin(user, groups == null ? Set.of() : groups);
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (path.startsWith("/api/")) {
      return unauthorized(response, context, request.getHeader("X-Requested-With") == null, "UNAUTHENTICATED",
          "请先登录。Sign in first: send HTTP Basic credentials.");
    }
    return context.redirect(request.getContextPath() + LOGIN_PAGE);
  }

  private AuthenticationStatus basic(String encoded, HttpServletResponse response, HttpMessageContext context) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return unauthorized(response, context, true, "UNAUTHENTICATED", "The Authorization header is not valid Base64.");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return unauthorized(response, context, true, "UNAUTHENTICATED", "The Authorization header lacks user:password.");
    }
    return check(decoded.substring(0, colon), decoded.substring(colon + 1), response, context, true);
  }

  private AuthenticationStatus form(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String origin = request.getHeader("Origin");
    if (origin != null ? !CsrfFilter.sameOrigin(origin, request.getHeader("Host"))
        : request.getHeader("X-Requested-With") == null) {
      // a sign-in posted by another site would sign the browser in to an account of the attacker's choosing
      try {
        CsrfFilter.refuse(response);
      } catch (IOException e) {
        // the client went away
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
    String user = request.getParameter("j_username");
    String password = request.getParameter("j_password");
    if (user == null || password == null) {
      return unauthorized(response, context, false, "UNAUTHENTICATED", "请输入用户名和密码。Enter your user name and password.");
    }
    AuthenticationStatus status = check(user.trim(), password, response, context, false);
    if (status == AuthenticationStatus.SUCCESS) {
      // A new session id at sign-in, so a session id planted before sign-in is worth nothing afterwards.
      HttpSession old = request.getSession(false);
      if (old != null) {
        old.invalidate();
      }
      HttpSession session = request.getSession(true);
      session.setAttribute(SESSION_USER, context.getCallerPrincipal().getName());
      session.setAttribute(SESSION_GROUPS, Set.copyOf(context.getGroups()));
      SessionCookies.harden(request, response);
    }
    return status;
  }



  private AuthenticationStatus check(
      String user, String password, HttpServletResponse response, HttpMessageContext context, boolean challenge) {
    CredentialValidationResult result =
        identityStore.validate(new UsernamePasswordCredential(user, new Password(password)));
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      return context.notifyContainerAboutLogin(result);
    }
    return unauthorized(response, context, challenge, "BAD_CREDENTIALS", "用户名或密码不正确。The user name or password is wrong.");
  }

  private static AuthenticationStatus unauthorized(
      HttpServletResponse response, HttpMessageContext context, boolean challenge, String code, String message) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      if (challenge) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"earchive\", charset=\"UTF-8\"");
      }
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
      response.flushBuffer();
    } catch (IOException e) {
      // the client went away; nothing more to tell it
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
