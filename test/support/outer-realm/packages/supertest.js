// The worker's own copy of supertest, loaded once per worker by Node (../transform.js makes this file
// re-export it) instead of being compiled again into each test file's sandbox.
export {};
// outer package: supertest
