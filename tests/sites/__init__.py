"""A fixture copy of saylav.gov.tm for the crawler and HTML tests, written for the tests."""
