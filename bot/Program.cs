Console.Error.WriteLine("Usage: dotnet run --project bot -- chat");
return 2;
