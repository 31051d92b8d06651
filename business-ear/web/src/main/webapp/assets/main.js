// The application page's entry point (a file, not an inline script: the Content-Security-Policy allows none).
import { start } from '/assets/app.js';
import '/assets/counter.js';
import '/assets/cases.js';
import '/assets/review.js';
import '/assets/archive.js';
import '/assets/manage.js';
import '/assets/statistics.js';
import '/assets/wall.js';
start();
