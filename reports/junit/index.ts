/** The JUnit XML renderer: `renderJunit(results)` turns a `results.json` into `junit.xml`. */
export { junitDocument, renderJunit } from './render-junit.ts';
