// The application's own copy of @nestjs/swagger, as the test environment loaded it (../transform.js makes this
// file re-export it): a test that declares a DTO or raises a library error uses the classes the
// application checks against.
export {};
// outer package: @nestjs/swagger
