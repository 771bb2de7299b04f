package org.familyview.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and chromedriver, headless. Both paths are given explicitly so Selenium Manager
 * never tries to download a browser (these machines have no internet).
 */
public final class Browser implements AutoCloseable {

  private final ChromeDriver driver;

  public Browser() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(RunningPortal.chromium());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,1024",
        "--user-data-dir=" + Files.createTempDirectory("fv-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getenv().getOrDefault("FV_CHROMEDRIVER", "/usr/bin/chromedriver")))
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  public WebDriver driver() {
    return driver;
  }

  public Browser open(String url) {
    driver.get(url);
    return this;
  }

  /** Signs in on the Keycloak login page the portal redirected to. */
  public Browser signInAs(String username) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.id("kc-login")).click();
    return this;
  }

  public String text(By locator) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(locator))
        .getText();
  }

  /** Saves a screenshot under target/screenshots for a person to look at. */
  public Path screenshot(String name) throws Exception {
    Path target = Path.of("target", "screenshots", name + ".png").toAbsolutePath();
    Files.createDirectories(target.getParent());
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /** Scrolls the element to the top of the window, for a screenshot of what is below the fold. */
  public Browser scrollTo(By locator) {
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView(true)", driver.findElement(locator));
    return this;
  }

  /**
   * The page as a desk and as a phone see it: screenshots at 1280 and at 390 pixels wide ({@code
   * name-1280.png}, {@code name-390.png}), the window left at 1280. The phone's is taken after the
   * page has laid itself out again, with the same scroll position.
   */
  public void screenshots(String name) throws Exception {
    for (int width : new int[] {1280, 390}) {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
      screenshot(name + "-" + width);
    }
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1024));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
