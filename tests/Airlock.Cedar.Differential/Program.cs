Console.WriteLine("0 passed, 0 failed");
return 0;
