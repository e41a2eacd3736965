package com.walkrx.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, driven by Selenium against the test server; saves screenshots. */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    public Browser(int port, int width, int height) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height);
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        base = "http://localhost:" + port;
    }

    /** A browser on a screen of that size, logged in as that user (closed again if the login fails). */
    public static Browser loggedIn(int port, int width, int height, String username, String password) {
        Browser browser = new Browser(port, width, height);
        try {
            browser.login(username, password);
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Logs in through the Vaadin login form and waits for the landing page. */
    public void login(String username, String password) {
        open("/login");
        WebElement form = waitFor(By.tagName("vaadin-login-form"));
        WebElement user = waitFor(By.cssSelector("vaadin-login-form input[name=username]"));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys(password);
        form.findElement(By.cssSelector("vaadin-button[slot=submit]")).click();
        until(d -> !path().startsWith("/login"));
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
    }

    /** Waits until some element's text contains {@code text}. */
    public void waitForText(String text) {
        until(d -> ((String) ((JavascriptExecutor) d).executeScript("return document.body.innerText")).contains(text));
    }

    public String bodyText() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText");
    }

    /** Saves a screenshot as target/screenshots/{name}.png once Vaadin is idle. */
    public Path screenshot(String name) {
        until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients || "
                        + "Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
