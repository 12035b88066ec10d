package io.cartbridge.demo;

import io.cartbridge.testing.ShopActivity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A few days of sample activity in a shop on the project's OpenCart 3.0 subset, relative to now
 * and the same on every run: carts, missing orders, orders in several statuses and field cases.
 */
public final class DemoShop {

    private static final long SEED = 20240301L;
    private static final int PENDING = 1;
    private static final int PROCESSING = 2;
    private static final int SHIPPED = 3;
    private static final int COMPLETE = 5;
    private static final int CANCELED = 7;
    private static final BigDecimal TAX_RATE = new BigDecimal("0.20");

    private static final String[] FIRST_NAMES = {"Alice", "Ben", "Chloe", "Daniel", "Ella",
        "Frank", "Grace", "Harry", "Isla", "Jack", "Kate", "Liam", "Mia", "Noah", "Olivia",
        "Peter", "Ruby", "Sam", "Tara", "Victor", "Will", "Zara"};
    private static final String[] LAST_NAMES = {"Adams", "Brooks", "Carter", "Dixon", "Evans",
        "Fisher", "Green", "Hughes", "Irwin", "Jones", "Kelly", "Lewis", "Moore", "Nash", "Owen",
        "Price", "Reid", "Shaw", "Turner", "Walsh"};

    /** The histories the sample orders take turns at; Canceled alone was never a sale. */
    private static final int[][] STATUS_PATHS = {{PENDING}, {PROCESSING}, {PROCESSING, COMPLETE},
        {PENDING, PROCESSING, SHIPPED}, {CANCELED}};

    private static final Product IPHONE = new Product(40, "iPhone", "PHONE-11", "101.00");
    // An order line keeps the price paid, which is the iMac's special for the default group.
    private static final Product IMAC = new Product(41, "iMac", "DESK-21", "98.00");
    private static final Product CINEMA =
            new Product(42, "Apple Cinema 30&quot;", "SCREEN-30", "100.00");
    private static final Product MACBOOK = new Product(43, "MacBook", "BOOK-13", "500.00");
    private static final Product TEA = new Product(44, "Чай зелёный", "TEA-GR-100", "4.50");
    private static final List<Product> CATALOG = List.of(IPHONE, IMAC, CINEMA, MACBOOK, TEA);

    private final ShopActivity shop;
    private final Random random = new Random(SEED);
    private final Set<String> emails = new HashSet<>();

    private DemoShop(ShopActivity shop) {
        this.shop = shop;
    }

    /** Writes the whole sample into the shop. */
    public static void fill(ShopActivity shop) {
        new DemoShop(shop).fill();
    }

    private void fill() {
        fieldCases();

        for (int i = 0; i < 12; i++) {
            cart(customer(person()), minutesBetween(90, 360));
        }
        // Idle for ten minutes only: not abandoned yet.
        for (int i = 0; i < 2; i++) {
            cart(customer(person()), 10);
        }

        for (int i = 0; i < 4; i++) {
            Person person = person();
            order(person, customer(person), minutesBetween(90, 360), products()).create();
        }
        Person guest = person();
        order(guest, 0, minutesBetween(90, 360), products()).create();

        for (int i = 0; i < 14; i++) {
            Person person = person();
            int customerId = i < 11 ? customer(person) : 0;
            long placed = minutesBetween(600, 60 * 24 * 4);
            int orderId = order(person, customerId, placed, products()).create();
            progress(orderId, placed, STATUS_PATHS[i % STATUS_PATHS.length]);
        }
    }

    private void fieldCases() {
        // F2: a cart, then a Processing order of the same customer: no cart event.
        Person bruno = new Person("Bruno", "Baker", "bruno.baker@example.test");
        int brunoId = customer(bruno);
        shop.cartLine(brunoId, IPHONE.id(), 1, "[]", shop.minutesAgo(200));
        progress(order(bruno, brunoId, 150, List.of(IPHONE)).create(), 150, PROCESSING);

        // F3: cash on delivery left Pending and its cart never cleared: counts as bought.
        Person carla = new Person("Carla", "Cole", "carla.cole@example.test");
        int carlaId = customer(carla);
        shop.cartLine(carlaId, CINEMA.id(), 1, "{\"226\":\"15\"}", shop.minutesAgo(300));
        progress(order(carla, carlaId, 280, List.of(CINEMA)).create(), 280, PENDING);

        // F7: a guest at the confirm step three times, minutes apart: one event, the newest.
        Person greta = new Person("Greta", "Gast", "greta.gast@example.test");
        for (int visit = 0; visit < 3; visit++) {
            order(greta, 0, 135 - 6 * visit, List.of(IPHONE, TEA)).create();
        }

        // F9: an emoji in a first name and Cyrillic in a product name arrive intact.
        Person anna = new Person("Anna 🎉", "Schmidt", "anna.schmidt@example.test");
        int annaId = customer(anna);
        shop.cartLine(annaId, TEA.id(), 3, "[]", shop.minutesAgo(160));
        shop.cartLine(annaId, MACBOOK.id(), 1, "{\"227\":\"Für Anna\"}", shop.minutesAgo(150));

        // F9: non-ASCII in a customer's name and email survives into the purchase event.
        Person jurgen = new Person("Jürgen", "Weiß", "jürgen.weiß@example.test");
        int jurgenId = customer(jurgen);
        int jurgenOrder = order(jurgen, jurgenId, 900, List.of(TEA, IPHONE)).create();
        progress(jurgenOrder, 900, PROCESSING, COMPLETE);

        // F10: "Apple Cinema 30&quot;" in a cart, "Tom &amp; Jerry Supplies": decoded once.
        shop.setting(0, "config_name", "Tom &amp; Jerry Supplies", false);
        Person felix = new Person("Felix", "Rand", "felix.rand@example.test");
        shop.cartLine(customer(felix), CINEMA.id(), 1, "{\"226\":\"16\"}", shop.minutesAgo(240));

        // A disabled account keeps its cart: no event.
        Person dora = new Person("Dora", "Dent", "dora.dent@example.test");
        int doraId = shop.customer(dora.email(), dora.firstName(), dora.lastName(), "", true,
                false);
        emails.add(dora.email());
        shop.cartLine(doraId, IPHONE.id(), 2, "[]", shop.minutesAgo(180));

        // A checkout left at the confirm step, then a real order for the same email: no event.
        Person gina = new Person("Gina", "Gale", "gina.gale@example.test");
        int ginaId = customer(gina);
        order(gina, ginaId, 260, List.of(MACBOOK)).create();
        progress(order(gina, ginaId, 220, List.of(MACBOOK)).create(), 220, PROCESSING);

        // A missing order without an email cannot be mailed.
        order(new Person("", "", ""), 0, 190, List.of(IMAC)).create();

        // Paid in euros; Pending, Complete, Shipped is one purchase, with amounts in EUR.
        Person elena = new Person("Elena", "Marino", "elena.marino@example.test");
        int elenaOrder = order(elena, 0, 1500, List.of(MACBOOK, TEA))
                .currency("EUR", "0.78460002").create();
        progress(elenaOrder, 1500, PENDING, COMPLETE, SHIPPED);
    }

    /** A new person with a name and email not used before. */
    private Person person() {
        while (true) {
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            String email = (first + "." + last + "@example.test").toLowerCase(Locale.ROOT);
            if (emails.add(email)) {
                return new Person(first, last, email);
            }
        }
    }

    private int customer(Person person) {
        emails.add(person.email());
        return shop.customer(person.email(), person.firstName(), person.lastName(), telephone(),
                random.nextBoolean(), true);
    }

    /** One to three products, added a few minutes apart; the newest sets the idle time. */
    private void cart(int customerId, long idleMinutes) {
        List<Product> products = products();
        for (int i = 0; i < products.size(); i++) {
            Product product = products.get(i);
            shop.cartLine(customerId, product.id(), quantity(product), cartOptions(product),
                    shop.minutesAgo(idleMinutes + 7L * (products.size() - 1 - i)));
        }
    }

    private ShopActivity.Order order(Person person, int customerId, long minutesAgo,
                                     List<Product> products) {
        ShopActivity.Order order = shop.order().customer(customerId)
                .contact(person.email(), person.firstName(), person.lastName(), telephone())
                .added(shop.minutesAgo(minutesAgo));
        for (Product product : products) {
            String tax = new BigDecimal(product.price()).multiply(TAX_RATE)
                    .setScale(4, RoundingMode.HALF_UP).toPlainString();
            String[] options = product == CINEMA ? new String[] {"Colour=Red"} : new String[0];
            order.line(product.id(), product.name(), product.model(), quantity(product),
                    product.price(), tax, options);
        }
        return order;
    }

    /** The order's status history, the first change a few minutes after it was placed. */
    private void progress(int orderId, long placedMinutesAgo, int... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            shop.history(orderId, statuses[i], shop.minutesAgo(placedMinutesAgo - 2 - 180L * i));
        }
    }

    private List<Product> products() {
        List<Product> shuffled = new ArrayList<>(CATALOG);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 1 + random.nextInt(3)));
    }

    private int quantity(Product product) {
        return product == TEA ? 1 + random.nextInt(6) : 1 + random.nextInt(2);
    }

    /** The option JSON the storefront writes: the display needs a colour, engraving is free. */
    private String cartOptions(Product product) {
        if (product == CINEMA) {
            return "{\"226\":\"" + (random.nextBoolean() ? 15 : 16) + "\"}";
        }
        if (product == MACBOOK && random.nextBoolean()) {
            return "{\"227\":\"With love\"}";
        }
        return "[]";
    }

    private String telephone() {
        return random.nextInt(4) == 0 ? "" : "+44 20 7946 0" + (100 + random.nextInt(900));
    }

    private long minutesBetween(int least, int most) {
        return least + random.nextInt(most - least + 1);
    }

    private record Person(String firstName, String lastName, String email) {
    }

    /** A sellable product of the subset as its order lines store it: the name HTML-encoded. */
    private record Product(int id, String name, String model, String price) {
    }
}
