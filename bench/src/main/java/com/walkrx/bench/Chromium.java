package com.walkrx.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium via Selenium (no driver download). Each tab may use its own host name
 * {@code sN.localhost}: Chromium resolves every *.localhost to the loopback address and keeps cookies per
 * host, so one browser holds many independent logged-in sessions.
 */
final class Chromium implements AutoCloseable {

    static final String IDLE_JS = "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) && "
            + "Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())";

    private final ChromeDriver driver;
    private final int port;

    Chromium(int port) {
        this.port = port;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("bench.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("bench.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
                "--window-size=1280,900");
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // an interrupted run (Ctrl-C) must not leave browsers behind
        shutdownHook = new Thread(this::quitQuietly);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private final Thread shutdownHook;

    private void quitQuietly() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    String base(String host) {
        return "http://" + host + ":" + port;
    }

    void newTab() {
        driver.switchTo().newWindow(WindowType.TAB);
    }

    String path() {
        String url = driver.getCurrentUrl();
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? "/" : url.substring(slash);
    }

    /**
     * Opens {@code path} on {@code host}, logs in through the Vaadin login form the app redirects to, and
     * waits to be back on {@code path} (the saved request), so the page is the one asked for.
     */
    void login(String host, String path, String username, String password) {
        driver.get(base(host) + path);
        try {
            until(d -> path().startsWith("/login"), 20);
        } catch (TimeoutException e) {
            driver.get(base(host) + "/login"); // e.g. an unknown route that does not ask for a login
        }
        WebElement form = waitFor(By.tagName("vaadin-login-form"));
        waitFor(By.cssSelector("vaadin-login-form input[name=username]")).sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys(password);
        form.findElement(By.cssSelector("vaadin-button[slot=submit]")).click();
        until(d -> !path().startsWith("/login"), 30);
        if (!path().startsWith(path)) {
            driver.get(base(host) + path);
        }
    }

    void open(String host, String path) {
        driver.get(base(host) + path);
    }

    /** Waits for the caseload: its route, Vaadin idle, and grid rows if the page has a grid. */
    boolean waitForCaseload() {
        until(d -> path().startsWith("/caseload"), 30);
        waitIdle();
        try {
            until(d -> Boolean.TRUE.equals(js("return document.querySelectorAll('vaadin-grid-cell-content').length > 8")), 15);
            waitIdle();
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    void waitIdle() {
        until(d -> Boolean.TRUE.equals(js(IDLE_JS)), 30);
    }

    String bodyText() {
        return (String) js("return document.body ? document.body.innerText : ''");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    <T> T until(Function<WebDriver, T> condition, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition::apply);
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down; the hook quits the browser
        }
        driver.quit();
    }
}
